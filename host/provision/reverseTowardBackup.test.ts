import { describe, expect, it } from 'vitest';
import { configFileLines } from './desiredConfig';
import { reverseTowardBackup } from './reverseTowardBackup';

const unmasked = (text: string): string => text;

describe('reverseTowardBackup', () => {
  it('drops a reverse line that would turn on what the backup shows off, keeping the rest', () => {
    const backup = ['hostname R1', 'no ip http server', 'ip domain-name example.net', 'end'].join('\n');
    const reverse = configFileLines('reverse', ['ip http server', 'no ip domain-name example.net', 'no ip ssh version']);
    const result = reverseTowardBackup('ios', backup, reverse, unmasked);
    expect(result.kept.lines).toEqual(['no ip ssh version']);
    expect(result.kept.numbers).toEqual([3]);
    expect(result.dropped).toEqual(['ip http server', 'no ip domain-name example.net']);
  });

  it('keeps a section header while a line of it stays and drops it with its last line', () => {
    const backup = ['interface GigabitEthernet1/0/1', ' description uplink', '#', 'interface GigabitEthernet1/0/2', '#', 'return'].join('\n');
    const reverse = configFileLines('reverse', [
      'interface GigabitEthernet1/0/1',
      ' lldp enable',
      ' undo shutdown',
      'interface GigabitEthernet1/0/2',
      ' lldp enable',
    ]);
    const result = reverseTowardBackup('comware', backup, reverse, unmasked);
    expect(result.kept.lines).toEqual(['interface GigabitEthernet1/0/1', ' undo shutdown']);
    expect(result.dropped).toEqual(['interface GigabitEthernet1/0/1 > lldp enable', 'interface GigabitEthernet1/0/2 > lldp enable']);
  });

  it('keeps negations inside a section the backup did not have: they empty what the apply created', () => {
    const backup = ['hostname R1', 'end'].join('\n');
    const reverse = configFileLines('reverse', ['sip-ua', ' no registrar', ' no sip-server', 'voice-port 0/1/0', ' description FXS']);
    const result = reverseTowardBackup('ios', backup, reverse, unmasked);
    expect(result.kept.lines).toEqual(['sip-ua', ' no registrar', ' no sip-server']);
    expect(result.dropped).toEqual(['voice-port 0/1/0 > description FXS']);
  });

  it('compares masked lines with the masked backup and reports them masked', () => {
    const secret = 'S3cret!';
    const mask = (text: string): string => text.split(secret).join('******');
    const backup = ['snmp-server community ****** RO', 'end'].join('\n');
    const reverse = configFileLines('reverse', [`snmp-server community ${secret} RO`, `snmp-server community ${secret} RW`]);
    const result = reverseTowardBackup('ios', backup, reverse, mask);
    expect(result.kept.lines).toEqual([`snmp-server community ${secret} RO`]);
    expect(result.dropped).toEqual(['snmp-server community ****** RW']);
  });

  it('returns the reverse unchanged when every line agrees with the backup', () => {
    const reverse = configFileLines('reverse', ['no ip ssh version']);
    const result = reverseTowardBackup('ios', 'hostname R1\nend', reverse, unmasked);
    expect(result.kept).toBe(reverse);
    expect(result.dropped).toEqual([]);
  });
});
