import type { TFunction } from 'i18next';
import type { ErrorPayload } from '../../../../shared/contract';

const MAX_DETAIL_LENGTH = 300;

/**
 * The host's own message, for the technician and for support: first lines only, any stack
 * frame removed (the host should never send one; this is the last guard), length capped.
 */
export function errorDetail(message: string): string {
  const lines = message
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line !== '' && !/^\s*at\s/.test(line));
  const text = lines.slice(0, 3).join(' ');
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text;
}

export function describeError(error: ErrorPayload, t: TFunction): { title: string; detail: string | null } {
  const detail = errorDetail(error.message);
  return { title: t(`errors.${error.code}`), detail: detail === '' ? null : t('errors.detail', { message: detail }) };
}
