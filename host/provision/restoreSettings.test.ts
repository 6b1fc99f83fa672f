import { describe, expect, it } from 'vitest';
import type { DesiredConfig } from './desiredConfig';
import { settingsToRestore, withRestoredSettings } from './restoreSettings';

describe('settingsToRestore', () => {
  it('brings back the backup host name and time zone the run changed', () => {
    const backup = 'hostname Router\nclock timezone CST 8 0\n!\ninterface Gi0/1\n description up\n';
    const running = 'hostname XA-LinTong-R1\nclock timezone BJ 8 0\n!\ninterface Gi0/1\n description up\n';
    expect(settingsToRestore('ios', backup, running)).toEqual(['hostname Router', 'clock timezone CST 8 0']);
  });

  it('leaves settings the run did not change, and adds none the backup lacked', () => {
    expect(settingsToRestore('ios', 'hostname r1\n', 'hostname r1\nclock timezone BJ 8 0\n')).toEqual([]);
  });

  it('reads the value in effect when a device shows two lines (FRR after a rename)', () => {
    expect(settingsToRestore('ios', 'hostname r1\n', 'hostname r1\nhostname XA-R1\n')).toEqual(['hostname r1']);
  });

  it('uses the dialect keyword: sysname on VRP', () => {
    expect(settingsToRestore('vrp', 'sysname Huawei\n#\n', 'sysname XA-HuYi-R1\n#\n')).toEqual(['sysname Huawei']);
  });

  it('numbers the restoring lines after the rendered ones', () => {
    const reverse: DesiredConfig = {
      lines: ['no ntp server 10.0.0.1'],
      numbers: [1],
      profileIds: ['base-system'],
      secrets: [],
      journalSource: { kind: 'profiles', ids: ['base-system'], valuesHash: 'x' },
    };
    const restored = withRestoredSettings(reverse, ['hostname Router']);
    expect(restored.lines).toEqual(['no ntp server 10.0.0.1', 'hostname Router']);
    expect(restored.numbers).toEqual([1, 2]);
    expect(restored.profileIds).toEqual(['base-system', null]);
  });
});
