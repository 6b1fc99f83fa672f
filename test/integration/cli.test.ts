import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { filesContaining } from '../support/grepFiles';
import { runFieldkit } from '../support/runFieldkit';

// The CLI exactly as a technician runs it (`npx fieldkit` resolves to bin/fieldkit.js), against
// the real FRR started by globalSetup.
const frr = inject('frr');
const dataDir = mkdtempSync(join(tmpdir(), 'fk-cli-data-'));
const fieldkit = (args: string[], env: Record<string, string> = {}) => runFieldkit(args, { FIELDKIT_DATA_DIR: dataDir, ...env });

const secrets = () => ({ P: frr.vtyPassword, E: frr.enablePassword });
const vty = () => `127.0.0.1:${frr.zebraPort}`;

describe('fieldkit facts over Telnet to FRR', () => {
  it('prints the facts of the running FRR as JSON', async () => {
    const result = await fieldkit(['facts', '--telnet', vty(), '--password-env', 'P', '--enable-env', 'E', '--json'], secrets());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const facts: unknown = JSON.parse(result.stdout);
    expect(facts).toEqual({ hostname: frr.hostname, vendor: 'FRRouting', model: null, serial: null, version: frr.version, dialect: 'ios' });
  });

  it('logs in through a Username/Password dialogue (telnetd + login)', async () => {
    const result = await fieldkit(['facts', '--telnet', `127.0.0.1:${frr.telnetdPort}`, '--username', frr.loginUser, '--password-env', 'P', '--json'], { P: frr.loginPassword });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ hostname: frr.hostname, version: frr.version });
  });

  it('fails with one clear line for a closed port', async () => {
    const port = await closedPort();
    const result = await fieldkit(['facts', '--telnet', `127.0.0.1:${port}`, '--timeout', '5', '--json']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/ConnectionRefused: .*refused/i);
  });

  it('fails with one clear line for a wrong password', async () => {
    const result = await fieldkit(['facts', '--telnet', vty(), '--password-env', 'P', '--timeout', '10'], { P: 'not-the-password' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/AuthFailed: .*password/i);
    expect(result.stderr).not.toContain('not-the-password');
  });

  describe('against a peer that never sends a prompt', () => {
    let silent: Server;
    beforeAll(async () => {
      silent = createServer((socket) => socket.write('\r\nWelcome. This device says nothing else.\r\n'));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())));

    it('gives up within its timeout with a clear message', async () => {
      const port = (silent.address() as { port: number }).port;
      const result = await fieldkit(['facts', '--telnet', `127.0.0.1:${port}`, '--timeout', '3']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/(PromptNotFound|Timeout): .*prompt/i);
      // 3 s login limit plus process start-up; a hang would run into the test's own timeout.
      expect(result.elapsedMs).toBeLessThan(30_000);
    });
  });
});

describe('fieldkit run over Telnet to FRR', () => {
  it('prints a command output with the device secrets masked', async () => {
    const result = await fieldkit(['run', '--telnet', vty(), '--password-env', 'P', '--enable-env', 'E', '--', 'show running-config'], secrets());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`hostname ${frr.hostname}`);
    expect(result.stdout).toMatch(/^password \*{6}$/m);
    expect(result.stdout).not.toContain(frr.vtyPassword);
    expect(result.stdout).not.toContain(frr.enablePassword);
  });

  it('exits non-zero and names the rejected command', async () => {
    const result = await fieldkit(['run', '--telnet', vty(), '--password-env', 'P', '--enable-env', 'E', '--', 'show running-confg-typo'], secrets());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('show running-confg-typo');
  });
});

describe('records after all of the above', () => {
  it('keep transcripts and logs without a single clear-text secret', () => {
    const offenders = filesContaining(dataDir, [frr.vtyPassword, frr.enablePassword, frr.loginPassword]);
    expect(offenders).toEqual([]);
    expect(filesContaining(dataDir, [frr.hostname + '#']).length).toBeGreaterThan(0);
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
