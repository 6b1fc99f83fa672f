import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../simulator';
import { renderLines } from '../../simulator/configTree';
import { UsageError } from '../cliError';
import { captureIo } from '../testing/captureIo';
import { applyCommand, configFileLines, planCommand, readProvisionSource } from './provisionCommands';

describe('provision sources', () => {
  it('keeps file line numbers, turns TABs into spaces and refuses other control characters', () => {
    expect(configFileLines('hostname a\n!\n\tdescription x\r\n', 'f.txt')).toEqual(['hostname a', '!', ' description x']);
    expect(() => configFileLines('ok\nbad\u001b[0m\n', 'f.txt')).toThrow('f.txt:2');
  });

  it('needs exactly one of --profile and --config', async () => {
    await expect(readProvisionSource({})).rejects.toBeInstanceOf(UsageError);
    await expect(readProvisionSource({ profile: 'a', config: 'b' })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('fieldkit plan / apply against the IOS simulator over Telnet', () => {
  let simulator: RunningSimulator;
  let directory: string;
  let savedDataDir: string | undefined;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'fieldkit-provision-cli-'));
    savedDataDir = process.env['FIELDKIT_DATA_DIR'];
    process.env['FIELDKIT_DATA_DIR'] = join(directory, 'data');
    simulator = await startSimulator({ dialect: 'ios', hostname: 'r9' });
  });
  afterAll(async () => {
    await simulator.stop();
    if (savedDataDir === undefined) delete process.env['FIELDKIT_DATA_DIR'];
    else process.env['FIELDKIT_DATA_DIR'] = savedDataDir;
    await rm(directory, { recursive: true, force: true });
  });

  const target = () => ['--telnet', `127.0.0.1:${simulator.port}`, '--dialect', 'ios'];
  const running = () => renderLines(simulator.device.running, ' ', 0).join('\n');

  it('applies a config file, reports the failing line by its number in the file, and exits 1', async () => {
    const file = join(directory, 'bad.txt');
    await writeFile(file, '! site snippet\nip route 10.1.0.0 255.255.0.0 192.0.2.1\n\nip rooute 10.2.0.0 255.255.0.0 192.0.2.1\nip route 10.3.0.0 255.255.0.0 192.0.2.1\n');
    const io = captureIo();
    expect(await applyCommand([...target(), '--config', file, '--json'], io)).toBe(1);
    const output = JSON.parse(io.stdout) as Record<string, unknown>;
    expect(output).toMatchObject({ planned: 3, acknowledged: 1, saved: false, failedLine: { number: 4, text: 'ip rooute 10.2.0.0 255.255.0.0 192.0.2.1' } });
    expect(Object.keys(output['timings'] as object)).toEqual(['connectMs', 'backupMs', 'applyMs', 'saveMs']);
    expect(running()).toContain('ip route 10.1.0.0 255.255.0.0 192.0.2.1');
    expect(running()).not.toContain('10.3.0.0');
  });

  it('plans, applies with progress and a save, then plans nothing', async () => {
    const params = join(directory, 'site.yaml');
    await writeFile(params, 'hostname: site-r9\nntp_server: 192.0.2.10\nsyslog_host: 192.0.2.20\n');
    const profile = ['--profile', 'base-system', '--params', params];

    const planned = captureIo();
    expect(await planCommand([...target(), ...profile], planned)).toBe(0);
    expect(planned.stdout).toContain('+ hostname site-r9');

    const dry = captureIo();
    expect(await applyCommand([...target(), ...profile, '--dry-run', '--json'], dry)).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, sent: 0, backup: null });
    expect(running()).not.toContain('site-r9');

    const applied = captureIo();
    expect(await applyCommand([...target(), ...profile], applied)).toBe(0);
    expect(applied.stderr).toMatch(/^\[5\/5\] .*logging trap informational$/m);
    expect(applied.stdout).toMatch(/Saved: \[OK\]/);
    const backup = /^Backup: (.+)$/m.exec(applied.stdout)?.[1] ?? '';
    expect(await readFile(backup, 'utf8')).toContain('hostname r9');

    const again = captureIo();
    expect(await planCommand([...target(), ...profile, '--json'], again)).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ lines: [] });
  });
});
