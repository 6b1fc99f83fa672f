import { describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/contract';
import { defaultTarget, type ConnectionTarget } from '../../store';
import { buildConnectRequest, endpointOf } from './connectRequest';

const noSecrets = { password: '', enableSecret: '', passphrase: '' };
const secrets = { password: 'pw', enableSecret: 'en', passphrase: 'pp' };

function target(overrides: Partial<ConnectionTarget>): ConnectionTarget {
  return { ...defaultTarget, ...overrides };
}

describe('buildConnectRequest', () => {
  it('builds a serial request with the line settings and no SSH-only fields', () => {
    const request = buildConnectRequest(
      target({ kind: 'serial', path: ' /dev/ttyUSB0 ', baudRate: 'auto', parity: 'even', dataBits: 7, stopBits: 2, flowControl: 'rtscts', privateKeyPath: '/k' }),
      secrets,
    );
    expect(request.target).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 'auto', dataBits: 7, parity: 'even', stopBits: 2, flowControl: 'rtscts' });
    expect(request.credentials).toEqual({ username: undefined, password: 'pw', enableSecret: 'en', privateKeyPath: undefined, passphrase: undefined });
    expect(contract.methods['session.connect'].request.safeParse(request).success).toBe(true);
  });

  it('builds a Telnet request and leaves empty fields out', () => {
    const request = buildConnectRequest(target({ kind: 'telnet', host: ' 10.0.0.1 ', port: 2601, username: '  ' }), noSecrets);
    expect(request.target).toEqual({ kind: 'telnet', host: '10.0.0.1', port: 2601 });
    expect(request.credentials).toEqual({ username: undefined, password: undefined, enableSecret: undefined, privateKeyPath: undefined, passphrase: undefined });
  });

  it('sends the SSH key path and passphrase for SSH, and acceptHostKey only when given', () => {
    const base = target({ kind: 'ssh', host: 'r1.site', port: 22, username: 'admin', privateKeyPath: ' /home/me/.ssh/id_ed25519 ' });
    const plain = buildConnectRequest(base, secrets);
    expect(plain.target).toEqual({ kind: 'ssh', host: 'r1.site', port: 22 });
    expect(plain.credentials).toMatchObject({ username: 'admin', privateKeyPath: '/home/me/.ssh/id_ed25519', passphrase: 'pp' });
    const confirmed = buildConnectRequest(base, secrets, 'SHA256:abc');
    expect(confirmed.target).toEqual({ kind: 'ssh', host: 'r1.site', port: 22, acceptHostKey: 'SHA256:abc' });
    expect(contract.methods['session.connect'].request.safeParse(confirmed).success).toBe(true);
  });

  it('passes the charset always and the line ending only when not left to the dialect', () => {
    expect(buildConnectRequest(target({ charset: 'gbk' }), noSecrets).terminal).toEqual({ charset: 'gbk' });
    expect(buildConnectRequest(target({ charset: 'gb18030', lineEnding: 'crlf' }), noSecrets).terminal).toEqual({ charset: 'gb18030', lineEnding: 'crlf' });
  });
});

describe('endpointOf', () => {
  it('names the serial path or host:port', () => {
    expect(endpointOf(target({ kind: 'serial', path: 'COM3 ' }))).toBe('COM3');
    expect(endpointOf(target({ kind: 'ssh', host: '10.0.0.1', port: 2222 }))).toBe('10.0.0.1:2222');
  });
});
