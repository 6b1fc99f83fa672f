import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profileDialects } from '../../shared/profiles/profileSchema';
import { renderProfile } from '../../shared/profiles/renderProfile';
import { findProfile, loadProfileLibrary } from './loadProfileLibrary';

const siteValues = { hostname: 'XA-County-R1', ntp_server: '10.61.255.1', syslog_host: '10.61.255.2' };

describe('the shipped profile library', () => {
  it('loads without problems', async () => {
    const library = await loadProfileLibrary();
    expect(library.problems).toEqual([]);
    expect(library.profiles.map((entry) => entry.file)).toContain('base/base-system.yaml');
  });

  it('base-system renders apply and reverse for every dialect it declares', async () => {
    const profile = findProfile(await loadProfileLibrary(), 'base-system');
    expect(profile).toBeDefined();
    if (!profile) return;
    expect(profileDialects(profile)).toEqual(['ios', 'maipu', 'ruijie', 'vrp', 'comware', 'junos']);
    const expectedHostnameLine = { ios: 'hostname XA-County-R1', maipu: 'hostname XA-County-R1', ruijie: 'hostname XA-County-R1', vrp: 'sysname XA-County-R1', comware: 'sysname XA-County-R1', junos: 'set system host-name XA-County-R1' };
    for (const dialect of profileDialects(profile)) {
      const apply = renderProfile(profile, dialect, siteValues);
      expect(apply.ok, dialect).toBe(true);
      if (!apply.ok) continue;
      expect(apply.lines[0]).toBe(expectedHostnameLine[dialect]);
      expect(apply.lines.some((line) => line.includes('10.61.255.1')), dialect).toBe(true);
      expect(apply.lines.some((line) => line.includes('10.61.255.2')), dialect).toBe(true);
      expect(apply.lines.some((line) => /timezone|time-zone/.test(line)), dialect).toBe(true);
      const reverse = renderProfile(profile, dialect, siteValues, { direction: 'reverse' });
      expect(reverse.ok, dialect).toBe(true);
      if (reverse.ok) expect(reverse.lines.every((line) => /^(no|undo|delete) /.test(line)), dialect).toBe(true);
    }
  });

  it('base-system sets UTC+8 in each dialect’s own words', async () => {
    const profile = findProfile(await loadProfileLibrary(), 'base-system');
    if (!profile) throw new Error('base-system is missing');
    const line = (dialect: 'ios' | 'vrp' | 'comware' | 'junos') => {
      const result = renderProfile(profile, dialect, siteValues);
      return result.ok ? result.lines.find((text) => /time-?zone/.test(text)) : undefined;
    };
    expect(line('ios')).toBe('clock timezone CST 8 0');
    expect(line('vrp')).toBe('clock timezone BJ add 08:00:00');
    expect(line('comware')).toBe('clock timezone BJ add 08:00:00');
    expect(line('junos')).toBe('set system time-zone Asia/Shanghai');
  });

  it('base-system lists its unverified keywords', async () => {
    const profile = findProfile(await loadProfileLibrary(), 'base-system');
    expect(profile?.unverified?.some((entry) => entry.startsWith('maipu:'))).toBe(true);
    expect(profile?.unverified?.some((entry) => entry.startsWith('ruijie:'))).toBe(true);
  });
});

describe('loadProfileLibrary on a folder', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'fieldkit-profiles-'));
    await mkdir(join(directory, 'base'));
    await mkdir(join(directory, 'schema'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const profileYaml = (id: string, apply = 'hostname {{ hostname }}') => `id: ${id}
name: { zh-CN: 测试, en: Test }
kind: base
description: { zh-CN: 测试, en: Test }
parameters:
  - { name: hostname, type: hostname, label: { zh-CN: 主机名, en: Host name } }
templates:
  ios:
    apply: "${apply}"
`;

  it('keeps the good profiles and reports each bad file with its problems', async () => {
    await writeFile(join(directory, 'base', 'good-one.yaml'), profileYaml('good-one'));
    await writeFile(join(directory, 'base', 'bad-variable.yaml'), profileYaml('bad-variable', 'hostname {{ host }}'));
    await writeFile(join(directory, 'base', 'wrong-name.yaml'), profileYaml('another-id'));
    await writeFile(join(directory, 'base', 'broken.yml'), 'id: [unclosed\n');
    await writeFile(join(directory, 'schema', 'ignored.yaml'), 'not: a profile\n');
    const library = await loadProfileLibrary(directory);
    expect(library.profiles.map((entry) => entry.profile.id)).toEqual(['good-one']);
    const byFile = (file: string) => library.problems.filter((problem) => problem.file === file).map((problem) => problem.code);
    expect(byFile('base/bad-variable.yaml')).toEqual(['undeclared-variable']);
    expect(byFile('base/wrong-name.yaml')).toEqual(['schema']);
    expect(byFile('base/broken.yml').length).toBeGreaterThan(0);
    expect(library.problems.some((problem) => problem.file.startsWith('schema/'))).toBe(false);
  });

  it('reports a duplicate id in two folders', async () => {
    await mkdir(join(directory, 'vpn'));
    await writeFile(join(directory, 'base', 'same-id.yaml'), profileYaml('same-id'));
    await writeFile(join(directory, 'vpn', 'same-id.yaml'), profileYaml('same-id'));
    const library = await loadProfileLibrary(directory);
    expect(library.profiles).toHaveLength(1);
    expect(library.problems).toMatchObject([{ file: 'vpn/same-id.yaml', code: 'schema', location: 'id' }]);
  });
});
