import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UnsupportedConfigFormatError } from '../config';
import { savedMatchesRunning } from './saved';
import { fixtureOutput } from './testing/goldenFixtures';

const CONFIGS = fileURLToPath(new URL('../config/fixtures/', import.meta.url));

const readConfig = (name: string): string => fixtureOutput(name, readFileSync(CONFIGS + name, 'utf8'));

describe('savedMatchesRunning', () => {
  // shared/config/fixtures/frr-running-config.txt: FRR 8.4.4 `show running-config` of the reference peer.
  const frr = readConfig('frr-running-config.txt');

  it('finds a saved copy equal although its volatile header lines differ (FRR running config)', () => {
    const saved = frr.replace('Building configuration...\n', '').replace('Current configuration:\n', '! saved by hand\n');
    expect(savedMatchesRunning('ios', saved, frr)).toEqual({ equal: true, differences: [] });
  });

  it('lists unsaved and stale lines with their section path', () => {
    const interfaceLine = /^interface (\S+)$/m.exec(frr);
    expect(interfaceLine).not.toBeNull();
    const running = frr.replace(/^interface (\S+)$/m, '$&\n description uplink');
    const saved = frr.replace(/^hostname .*$/m, 'hostname old-name');
    const result = savedMatchesRunning('ios', saved, running);
    expect(result.equal).toBe(false);
    expect(result.differences).toEqual([
      expect.stringMatching(/^running only: hostname /),
      `running only: ${interfaceLine?.[0] ?? ''} / description uplink`,
      'saved only: hostname old-name',
    ]);
  });

  it('ignores IOS lines that change by themselves (ntp clock-period, Last configuration change, startup byte count)', () => {
    const running = readConfig('ios-branch.txt').replace(/^end$/m, 'ntp clock-period 17208\nend');
    const saved = `Using 3120 out of 262136 bytes\n${readConfig('ios-branch.txt').replace(/^! Last configuration change at .*$/m, '! NVRAM config last updated at 09:13:01 CST Mon Mar 3 2025 by admin')}`;
    expect(savedMatchesRunning('ios', saved, running)).toEqual({ equal: true, differences: [] });
  });

  it('compares VRP configurations by section (Huawei NE40E running config as saved by RANCID)', () => {
    const running = readConfig('vrp-ne40e.txt');
    expect(savedMatchesRunning('vrp', running, running).equal).toBe(true);
    const saved = running.replace(/^sysname .*$/m, 'sysname OLD');
    expect(savedMatchesRunning('vrp', saved, running).differences).toContain('saved only: sysname OLD');
  });

  it('refuses Junos braces text (Junos saves on commit)', () => {
    expect(() => savedMatchesRunning('junos', 'system {\n  host-name r1;\n}', 'system {\n  host-name r1;\n}')).toThrow(UnsupportedConfigFormatError);
  });
});
