/**
 * What globalSetup hands to the tests. It travels in environment variables, never in a file
 * under test/artifacts: the canaries must not be written anywhere the leak scan looks.
 */
export interface E2eEnvironment {
  /** The web host's address, `#token=` included. */
  url: string;
  zebraPort: number;
  /** FRR's VTY password, random per run: it must never show up in any artifact. */
  canaryPassword: string;
  /** FRR's enable password, random per run, held to the same rule. */
  canaryEnable: string;
  /** From `vtysh -c 'show version'`, e.g. 8.4.4. */
  frrVersion: string;
  /** FRR's state folder: tests start consoles (`startConsole`) and vtysh shells for sshd against it. */
  frrStateDir: string;
}

const names = {
  url: 'FIELDKIT_E2E_URL',
  zebraPort: 'FIELDKIT_E2E_ZEBRA_PORT',
  canaryPassword: 'FIELDKIT_E2E_CANARY_PASSWORD',
  canaryEnable: 'FIELDKIT_E2E_CANARY_ENABLE',
  frrVersion: 'FIELDKIT_E2E_FRR_VERSION',
  frrStateDir: 'FIELDKIT_E2E_FRR_STATE_DIR',
} as const;

export function publishEnvironment(environment: E2eEnvironment): void {
  process.env[names.url] = environment.url;
  process.env[names.zebraPort] = String(environment.zebraPort);
  process.env[names.canaryPassword] = environment.canaryPassword;
  process.env[names.canaryEnable] = environment.canaryEnable;
  process.env[names.frrVersion] = environment.frrVersion;
  process.env[names.frrStateDir] = environment.frrStateDir;
}

export function readEnvironment(): E2eEnvironment {
  const read = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run through test/e2e/playwright.config.ts, whose globalSetup sets it`);
    return value;
  };
  return {
    url: read(names.url),
    zebraPort: Number(read(names.zebraPort)),
    canaryPassword: read(names.canaryPassword),
    canaryEnable: read(names.canaryEnable),
    frrVersion: read(names.frrVersion),
    frrStateDir: read(names.frrStateDir),
  };
}
