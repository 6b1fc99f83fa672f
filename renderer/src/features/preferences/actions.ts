import { defaultLanguage, i18next, isLanguage, type Language } from '../../i18n/i18n';
import { useAppStore } from '../../store';

/** Only the language preference is kept between runs; nothing else is written to storage. */
const LANGUAGE_KEY = 'fieldkit.language';

export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_KEY);
    return isLanguage(value) ? value : defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

export async function setLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  useAppStore.getState().setLanguageState(language);
  try {
    window.localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage may be unavailable (file:// in some shells); the choice then lasts this run.
  }
}
