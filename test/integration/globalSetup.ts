import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { parseFrrVersion, startFrr } from '../peers/frr';
import type { FrrContext } from './context';

/** A recognisable random value, so a leak into any output can be searched for. */
function canary(): string {
  return `cnry-${randomBytes(6).toString('hex')}`;
}

/**
 * Starts one FRR peer for the whole integration run (test files run one after another, see
 * vitest.config.ts) and provides its connection facts as inject('frr'). Stopped at teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const vtyPassword = canary();
  const enablePassword = canary();
  const login = { username: 'admin', password: canary() };
  const peer = await startFrr({ hostname: 'r1', vtyPassword, enablePassword, login });
  try {
    const { zebra, staticd, bgpd, ospfd } = peer.ports;
    if (staticd === undefined || bgpd === undefined || ospfd === undefined || peer.telnetdPort === undefined) {
      throw new Error('the FRR peer started without all its ports');
    }
    const context: FrrContext = {
      hostname: peer.hostname,
      zebraPort: zebra,
      staticdPort: staticd,
      bgpdPort: bgpd,
      ospfdPort: ospfd,
      telnetdPort: peer.telnetdPort,
      vtyPassword,
      enablePassword,
      loginUser: login.username,
      loginPassword: login.password,
      stateDir: peer.stateDir,
      namespacePid: peer.namespacePid,
      version: parseFrrVersion(await peer.vtysh('show version')),
    };
    project.provide('frr', context);
  } catch (error) {
    await peer.stop();
    throw error;
  }
  return () => peer.stop();
}
