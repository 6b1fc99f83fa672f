import type { StateCreator } from 'zustand';
import type { HostLink } from '../api/hostLink';
import type { Language } from '../i18n/i18n';
import type { AppState } from './store';

export interface HostSlice {
  hostLink: HostLink;
  hostVersion: string | null;
  language: Language;
  setHostLink: (hostLink: HostLink) => void;
  setHostVersion: (hostVersion: string) => void;
  setLanguageState: (language: Language) => void;
}

export const createHostSlice =
  (initialLanguage: Language): StateCreator<AppState, [], [], HostSlice> =>
  (set) => ({
    hostLink: 'connecting',
    hostVersion: null,
    language: initialLanguage,
    setHostLink: (hostLink) => set({ hostLink }),
    setHostVersion: (hostVersion) => set({ hostVersion }),
    setLanguageState: (language) => set({ language }),
  });
