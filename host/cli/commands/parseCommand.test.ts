import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureOutput } from '../../../shared/parsers/testing/goldenFixtures';
import { UsageError } from '../cliError';
import { captureIo } from '../testing/captureIo';
import { parseCommand, type ParseIo } from './parseCommand';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/', import.meta.url));

/** Device output of a fixture, without its source header. */
const fixture = (path: string): string => fixtureOutput(path, readFileSync(FIXTURES + path, 'utf8'));

/** A captured IO whose standard input holds `input`. */
function fakeIo(input: string): ParseIo & { stdout: string; stderr: string } {
  return Object.assign(captureIo(), { stdin: () => Promise.resolve(input) });
}

async function run(argv: string[], input: string) {
  const io = fakeIo(input);
  const code = await parseCommand(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('fieldkit parse', () => {
  it('prints version facts with the keys of `facts --json`, detecting the dialect', async () => {
    const result = await run(['version'], fixture('version/ios-iosv.txt'));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(JSON.parse(result.stdout)).toEqual({ hostname: 'rtr-01', vendor: 'Cisco', model: 'IOSv', serial: '991UCMIHG4UAJ1J010CQG', version: '15.8(3)M2', dialect: 'ios' });
  });

  it('uses the dialect it is given', async () => {
    const result = await run(['version', '--dialect', 'vrp'], fixture('version/vrp-ar6280.txt'));
    expect(JSON.parse(result.stdout)).toMatchObject({ vendor: 'Huawei', dialect: 'vrp' });
  });

  it('prints interfaces as an array', async () => {
    const result = await run(['interfaces', '--dialect', 'comware'], fixture('interfaces/comware-msr-display-interface-brief.txt'));
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { name: string; description: string | null }[];
    expect(rows).toHaveLength(11);
    expect(rows[2]).toMatchObject({ name: 'GE0/0', description: 'The interface for connecting RouterA.' });
  });

  it('finds the table with --dialect auto when the output names no vendor', async () => {
    const result = await run(['interfaces'], fixture('interfaces/junos-vmx-show-interfaces-terse.txt'));
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { name: string }[]).map((row) => row.name)).toContain('lo0.16385');
  });

  it('prints a ping summary with its stable keys', async () => {
    const result = await run(['ping', '--dialect', 'auto'], fixture('ping/vrp-ce.txt'));
    expect(result.stdout).toBe('{"sent":5,"received":5,"lossPercent":0,"rttMinMs":2,"rttAvgMs":2,"rttMaxMs":2}\n');
  });

  it('exits 1 with a one-line reason when the input is not that output', async () => {
    const ping = await run(['ping', '--dialect', 'ios'], "% Invalid input detected at '^' marker.\n");
    expect(ping).toMatchObject({ code: 1, stdout: '' });
    expect(ping.stderr).toMatch(/^fieldkit parse: not a ping summary: .*\n$/);
    expect(ping.stderr.trim().split('\n')).toHaveLength(1);

    const interfaces = await run(['interfaces'], 'Connection closed by foreign host.\n');
    expect(interfaces.code).toBe(1);
    expect(interfaces.stderr).toMatch(/^fieldkit parse: no .* header found/);

    const version = await run(['version'], 'Connection closed by foreign host.\n');
    expect(version.code).toBe(1);
    expect(version.stderr).toMatch(/--dialect/);

    const empty = await run(['version', '--dialect', 'ios'], 'R1#\n');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/no version facts/);

    expect(await run(['ping'], '  \n')).toMatchObject({ code: 1, stderr: 'fieldkit parse: nothing on standard input\n' });
  });

  it('throws UsageError (exit 2) for usage mistakes, before reading stdin', async () => {
    const io = fakeIo('');
    let read = false;
    io.stdin = () => {
      read = true;
      return Promise.resolve('');
    };
    await expect(parseCommand([], io)).rejects.toThrow(UsageError);
    await expect(parseCommand(['routes'], io)).rejects.toThrow(/version\|interfaces\|ping/);
    await expect(parseCommand(['ping', 'extra'], io)).rejects.toThrow(UsageError);
    await expect(parseCommand(['ping', '--dialect', 'cisco'], io)).rejects.toThrow(/unknown dialect "cisco"/);
    await expect(parseCommand(['ping', '--colour'], io)).rejects.toMatchObject({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
    expect(read).toBe(false);
  });
});
