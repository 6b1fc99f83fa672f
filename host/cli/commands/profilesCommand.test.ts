import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../cliError';
import { captureIo } from '../testing/captureIo';
import { profilesCommand } from './profilesCommand';

const BASE_SYSTEM = new URL('../../../profiles/base/base-system.yaml', import.meta.url).pathname;

describe('fieldkit profiles', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'fieldkit-profiles-cli-'));
    await writeFile(
      join(directory, 'bad-profile.yaml'),
      'id: bad-profile\nname: { zh-CN: 坏, en: Bad }\nkind: base\ndescription: { zh-CN: 坏, en: Bad }\ntemplates:\n  ios:\n    apply: "hostname {{ hostname }}"\n',
    );
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('list shows the shipped profiles with their dialects', async () => {
    const io = captureIo();
    expect(await profilesCommand(['list'], io)).toBe(0);
    expect(io.stdout).toMatch(/^base-system\s+base\s+ios,maipu,ruijie,vrp,comware,junos\s+基础系统配置 \/ Base system settings$/m);
    expect(io.stderr).toBe('');
  });

  it('list --json is machine-readable', async () => {
    const io = captureIo();
    expect(await profilesCommand(['list', '--json'], io)).toBe(0);
    const listed = JSON.parse(io.stdout) as { profiles: { id: string; file: string; dialects: string[] }[]; problems: unknown[] };
    expect(listed.profiles.find((entry) => entry.id === 'base-system')).toMatchObject({ file: 'base/base-system.yaml', dialects: ['ios', 'maipu', 'ruijie', 'vrp', 'comware', 'junos'] });
    expect(listed.problems).toEqual([]);
  });

  it('list reports a library with a bad file and exits 1', async () => {
    const io = captureIo();
    expect(await profilesCommand(['list', '--dir', directory], io)).toBe(1);
    expect(io.stderr).toContain('bad-profile.yaml: undeclared-variable');
  });

  it('show prints the parameters, checks and unverified keywords', async () => {
    const io = captureIo();
    expect(await profilesCommand(['show', 'base-system'], io)).toBe(0);
    expect(io.stdout).toMatch(/^ {2}ntp_server\s+ipv4\s+required/m);
    expect(io.stdout).toContain('ntp-synchronised');
    expect(io.stdout).toContain('unverified (confirm on a device):');
  });

  it('show --json prints the profile and an unknown id exits 1', async () => {
    const io = captureIo();
    expect(await profilesCommand(['show', 'base-system', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toMatchObject({ id: 'base-system', kind: 'base' });
    const missing = captureIo();
    expect(await profilesCommand(['show', 'no-such-profile'], missing)).toBe(1);
    expect(missing.stderr).toContain('no-such-profile');
  });

  it('validate accepts the example profile and rejects a bad one, naming the variable', async () => {
    const good = captureIo();
    expect(await profilesCommand(['validate', BASE_SYSTEM], good)).toBe(0);
    expect(good.stdout).toContain('valid (base-system;');
    const bad = captureIo();
    expect(await profilesCommand(['validate', join(directory, 'bad-profile.yaml'), '--json'], bad)).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, problems: [{ code: 'undeclared-variable', parameter: 'hostname' }] });
    const missing = captureIo();
    expect(await profilesCommand(['validate', join(directory, 'absent.yaml')], missing)).toBe(1);
    expect(missing.stderr).toContain('cannot read');
  });

  it('schema prints the JSON Schema', async () => {
    const io = captureIo();
    expect(await profilesCommand(['schema'], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toMatchObject({ title: 'FieldKit provisioning profile' });
  });

  it('wrong usage is a UsageError', async () => {
    await expect(profilesCommand([], captureIo())).rejects.toBeInstanceOf(UsageError);
    await expect(profilesCommand(['show'], captureIo())).rejects.toBeInstanceOf(UsageError);
    await expect(profilesCommand(['list', 'extra'], captureIo())).rejects.toBeInstanceOf(UsageError);
  });
});
