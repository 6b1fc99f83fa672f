import { describe, expect, it } from 'vitest';
import { configSecretPatterns } from './configSecretPatterns';
import { createSecretMasker } from './secretMasker';
import { MASK, type SecretMasker } from './types';

function streamAll(masker: SecretMasker, chunks: readonly string[]): string {
  const stream = masker.stream();
  return chunks.map((chunk) => stream.push(chunk)).join('') + stream.flush();
}

/** Deterministic PRNG (mulberry32) so a failing split can be reproduced from its seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function randomChunks(text: string, random: () => number, maxSize: number): string[] {
  const chunks: string[] = [];
  for (let position = 0; position < text.length; ) {
    const size = 1 + Math.floor(random() * maxSize);
    chunks.push(text.slice(position, position + size));
    position += size;
  }
  return chunks;
}

describe('createSecretMasker: known values', () => {
  it('masks every occurrence of a registered value', () => {
    const masker = createSecretMasker({ patterns: [] });
    masker.add('Hunter2-pass');
    expect(masker.mask('login Hunter2-pass ok; again Hunter2-pass.')).toBe(`login ${MASK} ok; again ${MASK}.`);
  });

  it('ignores empty and very short values', () => {
    const masker = createSecretMasker({ patterns: [] });
    masker.add('');
    masker.add('ab');
    masker.add('abc');
    expect(masker.mask('ab cd abc')).toBe(`ab cd ${MASK}`);
  });

  it('treats regular-expression characters in a value literally', () => {
    const masker = createSecretMasker({ patterns: [] });
    masker.add('a.b*c$(1)');
    expect(masker.mask('xa.b*c$(1)y aXbbc1')).toBe(`x${MASK}y aXbbc1`);
  });

  it('masks the union of overlapping secrets so no character of either survives', () => {
    const masker = createSecretMasker({ patterns: [] });
    masker.add('abcd');
    masker.add('cdefg');
    expect(masker.mask('xxabcdefgyy')).toBe(`xx${MASK}yy`);
  });

  it('masks values registered after a stream was created', () => {
    const masker = createSecretMasker({ patterns: [] });
    const stream = masker.stream();
    expect(stream.push('before ')).toBe('before ');
    masker.add('late-secret');
    expect(stream.push('late-secret after') + stream.flush()).toBe(`${MASK} after`);
  });
});

describe('createSecretMasker: stream', () => {
  const canary = 'C4nary-Pa55!';
  const text = `Password: ${canary}\r\nr1# show run\r\n username admin secret ${canary}\r\nC4n C4nary ${canary}${canary}\r\n`;

  it('masks a secret split at every position of a two-chunk delivery', () => {
    const masker = createSecretMasker({ patterns: [] });
    masker.add(canary);
    const expected = masker.mask(text);
    expect(expected).not.toContain(canary);
    for (let split = 0; split <= text.length; split++) {
      expect(streamAll(masker, [text.slice(0, split), text.slice(split)])).toBe(expected);
    }
  });

  it('masks with one-character chunks and with seeded random chunks', () => {
    const masker = createSecretMasker({ patterns: [] });
    masker.add(canary);
    masker.add('Pa55!C4');
    const expected = masker.mask(text);
    expect(streamAll(masker, [...text])).toBe(expected);
    const random = seeded(42);
    for (let round = 0; round < 200; round++) {
      expect(streamAll(masker, randomChunks(text, random, 9))).toBe(expected);
    }
  });

  it('never emits a chunk that holds a prefix of the secret longer than the boundary allows', () => {
    const masker = createSecretMasker({ patterns: [] });
    masker.add(canary);
    const stream = masker.stream();
    expect(stream.push('abc C4na')).toBe('abc ');
    expect(stream.push('ry-Pa55! def')).toBe(`${MASK} def`);
    expect(stream.push('C4')).toBe('');
    expect(stream.push('x')).toBe('C4x');
  });

  it('passes text through unchanged when nothing is registered', () => {
    const stream = createSecretMasker({ patterns: [] }).stream();
    expect(stream.push('r1# ')).toBe('r1# ');
  });
});

describe('configSecretPatterns', () => {
  const cases: Array<[string, string]> = [
    ['password 7 0822455D0A16', `password 7 ${MASK}`],
    // Comware keychains name the peer before the key: the peer stays, the key goes.
    [' pre-shared-key address 203.0.113.1 key simple Hub-Psk-2026', ` pre-shared-key address 203.0.113.1 key simple ${MASK}`],
    [' pre-shared-key address 203.0.113.1 255.255.255.255 key cipher $c$3$abc', ` pre-shared-key address 203.0.113.1 255.255.255.255 key cipher ${MASK}`],
    [' credentials username 1001 password 0 SipPass1 realm county.gov', ` credentials username 1001 password 0 ${MASK} realm county.gov`],
    [' user 1001 password simple SipPass2', ` user 1001 password simple ${MASK}`],
    ['super password level 15 cipher Sup3r-Secret', `super password level 15 cipher ${MASK}`],
    ['super password role network-admin simple Sup3r-Secret', `super password role network-admin simple ${MASK}`],
    ['snmp-server user NMS G v3 auth sha AuthKey123 priv aes 128 PrivKey456', `snmp-server user NMS G v3 auth sha ${MASK} priv aes 128 ${MASK}`],
    [' snmp-agent usm-user v3 nms authentication-mode sha AuthKey789 privacy-mode aes128 PrivKey000', ` snmp-agent usm-user v3 nms authentication-mode sha ${MASK} privacy-mode aes128 ${MASK}`],
    [' password 0 Cisco123', ` password 0 ${MASK}`],
    ['password zebra', `password ${MASK}`],
    ['enable password enable', `enable password ${MASK}`],
    ['enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0', `enable secret 5 ${MASK}`],
    ['enable secret level 15 5 $1$abc', `enable secret level 15 5 ${MASK}`],
    ['username admin privilege 15 secret 0 Cisco123', `username admin privilege 15 secret 0 ${MASK}`],
    ['username tech password 7 0822455D0A16', `username tech password 7 ${MASK}`],
    [' local-user admin password irreversible-cipher $1c$abc$', ` local-user admin password irreversible-cipher ${MASK}`],
    ['crypto isakmp key MyPsk123 address 203.0.113.1', `crypto isakmp key ${MASK} address 203.0.113.1`],
    ['crypto isakmp key 6 MyPsk123 address 203.0.113.1', `crypto isakmp key 6 ${MASK} address 203.0.113.1`],
    [' pre-shared-key cipher %^%#Zx9%^%#', ` pre-shared-key cipher ${MASK}`],
    ['snmp-server community public RO', `snmp-server community ${MASK} RO`],
    ['snmp-agent community read cipher %^%#q1%^%#', `snmp-agent community read cipher ${MASK}`],
    ['tacacs-server key 7 0822455D0A16', `tacacs-server key 7 ${MASK}`],
    ['radius-server host 192.0.2.9 auth-port 1645 key RadKey1', `radius-server host 192.0.2.9 auth-port 1645 key ${MASK}`],
    [' key-string 7 0822455D0A16', ` key-string 7 ${MASK}`],
    [' ip ospf authentication-key OspfKey', ` ip ospf authentication-key ${MASK}`],
    [' ip ospf message-digest-key 1 md5 OspfMd5', ` ip ospf message-digest-key 1 md5 ${MASK}`],
    [' neighbor 192.0.2.2 password BgpPass', ` neighbor 192.0.2.2 password ${MASK}`],
  ];

  it.each(cases)('masks %j', (line, expected) => {
    expect(createSecretMasker().mask(line)).toBe(expected);
    expect(createSecretMasker().mask(`${line}\r\n`)).toBe(`${expected}\r\n`);
  });

  it.each([
    'service password-encryption',
    'Configuration saved to /tmp/peers/frr/etc/zebra.conf',
    'Password: ',
    'no password',
    'interface eth3',
    ' description uplink to core',
  ])('leaves %j alone', (line) => {
    expect(createSecretMasker().mask(line)).toBe(line);
  });

  it('exports patterns that each capture group 1', () => {
    for (const pattern of configSecretPatterns) {
      expect(new RegExp(`${pattern.source}|`).exec('')?.length).toBeGreaterThan(1);
    }
  });

  it('keeps pattern masking exact when a configuration arrives split at every position', () => {
    const masker = createSecretMasker();
    masker.add('Sup3rSecret');
    const text = [
      'r1# show running-config\r\n',
      'hostname r1\r\n',
      'password zebra\r\n',
      'enable password enable\r\n',
      'username admin privilege 15 secret 5 $1$mERr$hx5r\r\n',
      'crypto isakmp key Sup3rSecret address 203.0.113.1\r\n',
      ' description to eth2 (zebra.conf)\r\n',
      'r1# enable secret 5 $1$xyz',
    ].join('');
    const expected = masker.mask(text);
    expect(expected).not.toMatch(/zebra\r|enable\r|hx5r|Sup3r|xyz/);
    expect(expected).toContain('zebra.conf');
    for (let split = 0; split <= text.length; split++) {
      expect(streamAll(masker, [text.slice(0, split), text.slice(split)])).toBe(expected);
    }
    const random = seeded(7);
    for (let round = 0; round < 100; round++) {
      expect(streamAll(masker, randomChunks(text, random, 12))).toBe(expected);
    }
    expect(streamAll(masker, [...text])).toBe(expected);
  });

  it('holds back a config secret still arriving on an incomplete line, and releases plain text', () => {
    const stream = createSecretMasker().stream();
    expect(stream.push('r1# ')).toBe('r1# ');
    expect(stream.push('password zeb')).toBe('password ');
    expect(stream.push('ra\r\nr1# ')).toBe(`${MASK}\r\nr1# `);
  });
});
