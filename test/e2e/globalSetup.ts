import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { parseFrrVersion, startFrr, type FrrPeer } from '../peers/frr';
import { publishEnvironment } from './e2eEnvironment';
import { e2eDataDir, hostLogFile, repositoryRoot } from './paths';
import { startWebHost, type WebHost } from './webHost';

/** A per-run secret that is easy to search for in every artifact afterwards. */
function canary(): string {
  return `cnry-${randomBytes(8).toString('hex')}`;
}

/**
 * Starts FRR (router r1, random VTY and enable passwords) and the web host, and hands their
 * coordinates to the tests through environment variables. Consoles and sshd peers are started
 * by the tests that need them, against FRR's state folder, so a test can pull its own cable. Returns the teardown, which stops
 * both in reverse order.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(`${repositoryRoot}/renderer/dist/index.html`)) {
    throw new Error('renderer/dist is missing: run `npm run build:renderer` (npm run test:e2e does it first)');
  }
  rmSync(e2eDataDir, { recursive: true, force: true });
  mkdirSync(e2eDataDir, { recursive: true });

  const canaryPassword = canary();
  const canaryEnable = canary();
  let frr: FrrPeer | undefined;
  let host: WebHost | undefined;
  try {
    frr = await startFrr({ hostname: 'r1', vtyPassword: canaryPassword, enablePassword: canaryEnable, daemons: ['zebra'] });
    const frrVersion = parseFrrVersion(await frr.vtysh('show version'));
    host = await startWebHost({ repositoryRoot, dataDir: e2eDataDir, logFile: hostLogFile });
    publishEnvironment({ url: host.url, zebraPort: frr.ports.zebra, canaryPassword, canaryEnable, frrVersion, frrStateDir: frr.stateDir });
  } catch (error) {
    await host?.stop();
    await frr?.stop();
    throw error;
  }
  const started = { frr, host };
  return async () => {
    await started.host.stop();
    await started.frr.stop();
  };
}
