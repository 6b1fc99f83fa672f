import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DialectId } from '../contract/device';
import { fixtureOutput } from '../parsers/testing/goldenFixtures';
import { configSyntax } from './configSyntax';
import { opaqueValueRules } from './opaqueValues';
import { parseConfig, UnsupportedConfigFormatError } from './parseConfig';
import { serializeConfig } from './serializeConfig';
import type { ConfigNode, ConfigTree } from './types';

const readFixture = (name: string): string => fixtureOutput(name, readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

interface Shape {
  text: string;
  children?: Shape[];
  block?: string[];
  closer?: string;
}

/** The tree without line numbers, for comparing trees parsed from different texts. */
function shape(nodes: readonly ConfigNode[]): Shape[] {
  return nodes.map((node) => ({
    text: node.text,
    ...(node.children.length > 0 ? { children: shape(node.children) } : {}),
    ...(node.block ? { block: node.block } : {}),
    ...(node.closer ? { closer: node.closer.text } : {}),
  }));
}

function find(tree: ConfigTree | ConfigNode[], text: string): ConfigNode {
  const nodes = Array.isArray(tree) ? tree : tree.nodes;
  const node = nodes.find((candidate) => candidate.text === text);
  if (!node) throw new Error(`no node "${text}"`);
  return node;
}

describe('parseConfig, IOS-like', () => {
  it('reads FRR show running-config: headers skipped, `exit` closes sections, `end` ends', () => {
    const tree = parseConfig('ios', readFixture('frr-running-config.txt') + 'r1# show interface brief\n');
    expect(tree.nodes.map((node) => node.text)).toEqual([
      'frr version 8.4.4',
      'frr defaults traditional',
      'hostname r1',
      'no ip forwarding',
      'no ipv6 forwarding',
      'password ******',
      'enable password ******',
      'interface eth1',
      'interface eth2',
      'interface eth3',
      'ip prefix-list PL-DEMO seq 5 permit 10.1.0.0/16 le 24',
    ]);
    expect(shape([find(tree, 'interface eth1')])).toEqual([
      { text: 'interface eth1', children: [{ text: 'description to eth2 (veth pair)' }, { text: 'ip address 192.0.2.1/30' }], closer: 'exit' },
    ]);
  });

  it('nests BGP address families and keeps `exit-address-family` as the closer', () => {
    const tree = parseConfig('ios', readFixture('ios-branch.txt'));
    const bgp = find(tree, 'router bgp 65010');
    expect(bgp.children.map((child) => child.text)).toEqual([
      'bgp router-id 198.51.100.1',
      'bgp log-neighbor-changes',
      'neighbor 203.0.113.9 remote-as 64500',
      'neighbor 203.0.113.9 description ISP',
      'address-family ipv4',
    ]);
    const family = find(bgp.children, 'address-family ipv4');
    expect(family.children.map((child) => child.text)).toEqual([
      'network 192.168.10.0',
      'neighbor 203.0.113.9 activate',
      'neighbor 203.0.113.9 prefix-list PL-OUT out',
    ]);
    expect(family.closer?.text).toBe('exit-address-family');
    expect(find(tree, 'ip forward-protocol nd').children).toEqual([]);
  });

  it('reads FRR-style nesting where `exit-address-family` and `exit` close each level', () => {
    const text = ['router bgp 65001', ' neighbor 192.0.2.2 remote-as 65002', ' !', ' address-family ipv4 unicast', '  neighbor 192.0.2.2 activate', ' exit-address-family', 'exit', '!', 'line vty', 'exit'].join('\n');
    expect(shape(parseConfig('ios', text).nodes)).toEqual([
      {
        text: 'router bgp 65001',
        children: [
          { text: 'neighbor 192.0.2.2 remote-as 65002' },
          { text: 'address-family ipv4 unicast', children: [{ text: 'neighbor 192.0.2.2 activate' }], closer: 'exit-address-family' },
        ],
        closer: 'exit',
      },
      { text: 'line vty', closer: 'exit' },
    ]);
  });

  it.each([
    { name: 'multi-line ^C banner', lines: ['banner motd ^C', 'Authorized access only.', '! not a comment', '^C', 'hostname r1'], block: ['Authorized access only.', '! not a comment', '^C'] },
    { name: 'one-line banner', lines: ['banner login ^CKeep out^C', 'hostname r1'], block: undefined },
    { name: 'one-character delimiter', lines: ['banner login #', '  Keep out', '#', 'hostname r1'], block: ['  Keep out', '#'] },
  ])('reads a $name as one node', ({ lines, block }) => {
    const nodes = parseConfig('ios', lines.join('\n')).nodes;
    expect(nodes).toHaveLength(2);
    expect(nodes[0]?.block).toEqual(block);
    expect(nodes[1]?.text).toBe('hostname r1');
  });

  it('keeps `line` the index of the line in the text', () => {
    const tree = parseConfig('ios', 'hostname r1\n!\ninterface eth1\n description x\n');
    expect(find(tree, 'interface eth1').line).toBe(2);
    expect(find(tree, 'interface eth1').children[0]?.line).toBe(3);
  });
});

describe('parseConfig, VRP-like', () => {
  it('reads a published VRP display current-configuration', () => {
    const tree = parseConfig('vrp', readFixture('vrp-ne40e.txt'));
    expect(tree.nodes[0]?.text).toBe('sysname huawei-vrp-v800-ne40');
    expect(tree.nodes.at(-1)?.text).toBe('vm-manager');
    const aaa = find(tree, 'aaa');
    expect(aaa.children).toHaveLength(13);
    expect(find(aaa.children, 'authentication-scheme default').children.map((child) => child.text)).toEqual(['authentication-mode local radius']);
    expect(find(aaa.children, 'authorization-scheme default').children).toEqual([]);
    expect(shape([find(tree, 'ip vpn-instance Test001')])[0]?.children?.[0]?.children).toHaveLength(3);
    expect(find(tree, 'interface Ethernet1/0/1').children.map((child) => child.text)).toEqual(['undo shutdown', 'undo dcn', 'undo dcn mode vlan']);
    expect(find(tree, 'dcn').children).toEqual([]);
    expect(tree.nodes.filter((node) => node.text.startsWith('ip route-static'))).toHaveLength(11);
  });

  it('reads Comware 7 globals indented by one space as top-level lines', () => {
    const tree = parseConfig('comware', readFixture('comware-msr.txt'));
    expect(tree.nodes.slice(0, 5).map((node) => node.text)).toEqual([
      'version 7.1.064, Release 0821P11',
      'sysname MSR-BJ-01',
      'clock timezone BJ add 08:00:00',
      'telnet server enable',
      'ip unreachables enable',
    ]);
    expect(shape([find(tree, 'ospf 1 router-id 198.51.100.20')])).toEqual([
      { text: 'ospf 1 router-id 198.51.100.20', children: [{ text: 'area 0.0.0.0', children: [{ text: 'network 192.168.20.0 0.0.0.255' }] }] },
    ]);
    expect(find(tree, 'ip route-static 0.0.0.0 0 203.0.113.21').children).toEqual([]);
  });

  it('takes `quit` as the closer of a typed VRP section', () => {
    const tree = parseConfig('vrp', 'interface GigabitEthernet0/0/1\n description x\nquit\nsysname r1\n');
    expect(shape(tree.nodes)).toEqual([{ text: 'interface GigabitEthernet0/0/1', children: [{ text: 'description x' }], closer: 'quit' }, { text: 'sysname r1' }]);
  });
});

describe('parseConfig, Junos', () => {
  it('reads display set output as flat lines', () => {
    const text = '## Last commit: 2025-03-03 09:00:00 CST by admin\nset version 21.4R3\nset system host-name r1\n\nset system services ssh\n{master:0}\n';
    expect(shape(parseConfig('junos', text).nodes)).toEqual([{ text: 'set version 21.4R3' }, { text: 'set system host-name r1' }, { text: 'set system services ssh' }]);
  });

  it('refuses braces-style configuration', () => {
    expect(() => parseConfig('junos', 'system {\n    host-name r1;\n}\n')).toThrow(UnsupportedConfigFormatError);
  });
});

describe('serializeConfig', () => {
  it.each([
    { dialect: 'ios' as const, fixture: 'ios-branch.txt' },
    { dialect: 'ios' as const, fixture: 'frr-running-config.txt' },
    { dialect: 'vrp' as const, fixture: 'vrp-ne40e.txt' },
    { dialect: 'comware' as const, fixture: 'comware-msr.txt' },
  ])('round-trips $fixture: parse(serialize(tree)) is the same tree', ({ dialect, fixture }) => {
    const tree = parseConfig(dialect, readFixture(fixture));
    expect(shape(parseConfig(dialect, serializeConfig(tree)).nodes)).toEqual(shape(tree.nodes));
  });

  it('writes the IOS sample back line for line, separators and headers aside', () => {
    const text = readFixture('ios-branch.txt');
    const syntax = configSyntax('ios');
    const significant = (source: string): string[] =>
      source
        .split('\n')
        .map((line) => line.trimEnd())
        .filter((line) => line.trim() !== '' && !syntax.comment.test(line.trim()) && !syntax.headers.some((header) => header.test(line)) && line !== 'end');
    expect(significant(serializeConfig(parseConfig('ios', text)))).toEqual(significant(text));
  });

  it('writes VRP with # separators and return', () => {
    const tree = parseConfig('vrp', '#\nsysname r1\n#\ninterface GigabitEthernet0/0/1\n undo shutdown\n#\nreturn\n');
    expect(serializeConfig(tree)).toBe('sysname r1\n#\ninterface GigabitEthernet0/0/1\n undo shutdown\n#\nreturn\n');
  });
});

describe('opaque value rules (data)', () => {
  it.each(DialectId.options)('%s: every rule compiles and names a secret group', (dialect) => {
    for (const rule of opaqueValueRules[dialect]) {
      const pattern = new RegExp(rule.pattern, 'd');
      expect(pattern.source).toMatch(/\(\?<secret\w*>/);
    }
  });
});
