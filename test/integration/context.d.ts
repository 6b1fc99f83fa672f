/** Connection facts globalSetup.ts provides to the integration tests (vitest provide/inject). */
export interface FrrContext {
  hostname: string;
  /** Host-side 127.0.0.1 ports of each daemon's own Telnet VTY. */
  zebraPort: number;
  staticdPort: number;
  bgpdPort: number;
  ospfdPort: number;
  /** inetutils telnetd on 127.0.0.1: Username/Password (loginUser/loginPassword), then vtysh at `hostname#`. */
  telnetdPort: number;
  /** Per-run random canary values: must never appear in transcripts, logs or artifacts. */
  vtyPassword: string;
  enablePassword: string;
  loginUser: string;
  loginPassword: string;
  /** For attachFrr({ stateDir }) from test/peers/frr: vtysh inside the peer's namespace. */
  stateDir: string;
  namespacePid: number;
  /** FRR version from `show version`, e.g. '8.4.4'. */
  version: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    frr: FrrContext;
  }
}
