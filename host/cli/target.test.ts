import { describe, expect, it } from 'vitest';
import { UsageError } from './cliError';
import type { CliIo } from './io';
import { buildConnectRequest, parseHostPort } from './target';

const io = (env: Record<string, string> = {}, askSecret?: (prompt: string) => Promise<string>): CliIo => ({
  out: () => undefined,
  err: () => undefined,
  env,
  ...(askSecret ? { askSecret } : {}),
});

describe('parseHostPort', () => {
  it.each([
    ['127.0.0.1:2601', { host: '127.0.0.1', port: 2601 }],
    ['r1.county.local', { host: 'r1.county.local', port: 23 }],
    ['[::1]:2323', { host: '::1', port: 2323 }],
  ])('%s', (value, expected) => expect(parseHostPort(value, 23)).toEqual(expected));

  it.each(['127.0.0.1:0', '127.0.0.1:70000', '', 'a:b:c'])('rejects %j', (value) => {
    expect(() => parseHostPort(value, 23)).toThrow(UsageError);
  });
});

describe('buildConnectRequest', () => {
  it('takes secrets from the named environment variables only', async () => {
    const request = await buildConnectRequest({ telnet: '127.0.0.1:2601', username: 'admin', 'password-env': 'P', 'enable-env': 'E' }, io({ P: 'vty-secret', E: 'en-secret' }));
    expect(request).toMatchObject({ target: { kind: 'telnet', host: '127.0.0.1', port: 2601 }, credentials: { username: 'admin', password: 'vty-secret', enableSecret: 'en-secret' }, dialect: 'auto' });
  });

  it('names the missing environment variable', async () => {
    await expect(buildConnectRequest({ telnet: 'h:1', 'password-env': 'NOPE' }, io())).rejects.toThrow(/NOPE is not set/);
  });

  it('asks on a TTY when no variable is named, and treats an empty answer as none', async () => {
    const prompts: string[] = [];
    const answers = ['typed-password', ''];
    const request = await buildConnectRequest({ telnet: 'h:1' }, io({}, async (prompt) => (prompts.push(prompt), answers.shift() ?? '')));
    expect(request.credentials).toEqual({ password: 'typed-password' });
    expect(prompts).toHaveLength(2);
  });

  it('needs a target and a known dialect', async () => {
    await expect(buildConnectRequest({}, io())).rejects.toThrow(/--telnet/);
    await expect(buildConnectRequest({ telnet: 'h:1', dialect: 'nxos' }, io())).rejects.toThrow(/unknown dialect "nxos"/);
  });

  it('applies --timeout to every wait', async () => {
    const request = await buildConnectRequest({ telnet: 'h:1', timeout: '2.5' }, io());
    expect(request.timeouts).toEqual({ connectMs: 2500, loginMs: 2500, commandMs: 2500 });
    await expect(buildConnectRequest({ telnet: 'h:1', timeout: '-1' }, io())).rejects.toThrow(/--timeout/);
  });
});

describe('targets other than Telnet', () => {
  it('--ssh defaults to port 22 and carries a confirmed host key', async () => {
    const request = await buildConnectRequest({ ssh: '10.0.0.1', username: 'admin', 'accept-host-key': 'SHA256:abc' }, io());
    expect(request.target).toEqual({ kind: 'ssh', host: '10.0.0.1', port: 22, acceptHostKey: 'SHA256:abc' });
  });

  it('--serial takes a speed or auto, 8N1 by default', async () => {
    expect((await buildConnectRequest({ serial: '/dev/ttyUSB0' }, io())).target).toMatchObject({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 });
    expect((await buildConnectRequest({ serial: '/dev/ttyUSB0', baud: 'auto' }, io())).target).toMatchObject({ baudRate: 'auto' });
    await expect(buildConnectRequest({ serial: '/dev/ttyUSB0', baud: 'fast' }, io())).rejects.toThrow(/--baud/);
  });

  it('refuses two targets at once, and --baud without --serial', async () => {
    await expect(buildConnectRequest({ telnet: 'h', ssh: 'h' }, io())).rejects.toThrow(/only one/);
    await expect(buildConnectRequest({ telnet: 'h', baud: '9600' }, io())).rejects.toThrow(/--baud goes with --serial/);
  });

  it('takes the charset and line ending per connection', async () => {
    const request = await buildConnectRequest({ telnet: 'h', charset: 'gbk', 'line-ending': 'cr' }, io());
    expect(request.terminal).toEqual({ charset: 'gbk', lineEnding: 'cr' });
    await expect(buildConnectRequest({ telnet: 'h', charset: 'latin1' }, io())).rejects.toThrow(/unknown charset/);
  });
});
