import type { ConnectionTarget } from '../../store';
import type { ConnectionSecrets } from './connectRequest';

/** Everything the connection form holds: the target plus the secrets that never leave it. */
export type ConnectFormValues = ConnectionTarget & Partial<ConnectionSecrets>;

/** Splits the form's values into the storable target and the secrets for this one request. */
export function splitFormValues(values: ConnectFormValues): { target: ConnectionTarget; secrets: ConnectionSecrets } {
  const { password = '', enableSecret = '', passphrase = '', ...target } = values;
  return { target, secrets: { password, enableSecret, passphrase } };
}
