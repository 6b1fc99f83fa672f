import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { FieldKitError } from '../../shared/contract';
import { createHost } from '../../host/compositionRoot';
import { pump, startFakeCli, type FakeCliServer } from '../support/fakeCliServer';

// Peers that misbehave must never hang a session past its timeout nor take the host down.
// All of them run in one host; the last test proves it still serves a real device.
const host = createHost({ carrier: 'in-process', dataDir: mkdtempSync(join(tmpdir(), 'fk-hostile-')) });
const servers: FakeCliServer[] = [];
const frr = inject('frr');
const IAC = 255;

afterAll(async () => {
  await host.dispose();
  await Promise.all(servers.map((server) => server.close()));
});

async function serve(behaviour: Parameters<typeof startFakeCli>[0]): Promise<number> {
  const server = await startFakeCli(behaviour);
  servers.push(server);
  return server.port;
}

function connect(port: number, loginMs: number) {
  return host.client.invoke('session.connect', {
    target: { kind: 'telnet', host: '127.0.0.1', port },
    dialect: 'ios',
    timeouts: { connectMs: 5_000, loginMs, commandMs: 5_000 },
  });
}

async function failure(promise: Promise<unknown>): Promise<FieldKitError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FieldKitError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('hostile peers', () => {
  it('a stream of garbage bytes ends the login with a prompt error', async () => {
    let seed = 7;
    const port = await serve({
      onConnect: (socket) =>
        pump(socket, 4 << 20, () => {
          const chunk = Buffer.alloc(16_384);
          for (let i = 0; i < chunk.length; i++) chunk[i] = (seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) % 256 === IAC ? 0 : seed % 256;
          return chunk;
        }),
    });
    const error = await failure(connect(port, 3_000));
    expect(['PromptNotFound', 'Timeout']).toContain(error.code);
  });

  it('endless option negotiation never becomes a login', async () => {
    const port = await serve({
      onConnect: (socket) => {
        const timer = setInterval(() => socket.write(Buffer.from([IAC, 251, 1, IAC, 252, 1, IAC, 253, 24, IAC, 254, 24, IAC, 250, 24, 1])), 5);
        socket.on('close', () => clearInterval(timer));
      },
    });
    const error = await failure(connect(port, 2_000));
    expect(['PromptNotFound', 'Timeout']).toContain(error.code);
  });

  it('a 10 MB output completes, bounded, and the session stays usable', async () => {
    const line = Buffer.from('interface GigabitEthernet0/0/0 description uplink to the provincial hub, padded\r\n');
    const total = 10 * 1024 * 1024;
    const port = await serve({
      onConnect: (socket) => socket.write('\r\nbig# '),
      onLine: (command, socket) => {
        if (command === 'show tech-support') pump(socket, total, () => line, () => socket.write('big# '));
        else socket.write(`${command}\r\nbig# `);
      },
    });
    const { sessionId } = await connect(port, 5_000);
    const big = await host.client.invoke('session.run', { sessionId, command: 'show tech-support', timeoutMs: 120_000 });
    expect(big.failed).toBe(false);
    expect(big.output.length).toBeGreaterThan(1_000_000);
    expect(big.output.length).toBeLessThanOrEqual(total);
    const after = await host.client.invoke('session.run', { sessionId, command: 'show clock' });
    expect(after.prompt).toContain('big#');
    await host.client.invoke('session.disconnect', { sessionId });
  });

  it('an endless pager stops at the command timeout with the output so far', async () => {
    const port = await serve({
      onConnect: (socket) => socket.write('\r\npager# '),
      onLine: (command, socket) => {
        if (command === 'show running-config') socket.write('line 1\r\n --More-- ');
        else if (command === '') socket.write('\r\npager# ');
        else socket.write(`${command}\r\npager# `);
      },
    });
    const { sessionId } = await connect(port, 5_000);
    const error = await failure(host.client.invoke('session.run', { sessionId, command: 'show running-config', timeoutMs: 2_000 }));
    expect(error.code).toBe('Timeout');
    expect(error.message).toMatch(/2000 ms/);
    expect(String(error.details?.['partialOutput'])).toContain('line 1');
    await host.client.invoke('session.disconnect', { sessionId }).catch(() => undefined);
  });

  it('the same host still serves a real device afterwards', async () => {
    const { sessionId, facts } = await host.client.invoke('session.connect', {
      target: { kind: 'telnet', host: '127.0.0.1', port: frr.zebraPort },
      credentials: { password: frr.vtyPassword, enableSecret: frr.enablePassword },
    });
    expect(facts.hostname).toBe(frr.hostname);
    await host.client.invoke('session.disconnect', { sessionId });
  });
});
