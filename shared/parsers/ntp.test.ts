import { describe, expect, it } from 'vitest';
import { parseNtpStatus } from './ntp';
import { OutputParseError } from './table';

describe('parseNtpStatus edge cases', () => {
  it('reads unsynchronized clocks (IOS and VRP lines as the vendors print them; constructed samples)', () => {
    expect(parseNtpStatus('ios', 'Clock is unsynchronized, stratum 16, no reference clock')).toEqual({ synchronized: false, stratum: 16, reference: null });
    expect(parseNtpStatus('vrp', ' clock status: unsynchronized\n clock stratum: 16\n reference clock ID: none')).toEqual({ synchronized: false, stratum: 16, reference: null });
  });

  it('reads an ntpd alarm state on Junos (the status line of a restarting ntpd quoted in the code index)', () => {
    const output = 'status=c011 sync_alarm, sync_unspec, 1 event, event_restart\nsystem="SunOS", leap=11, stratum=16, rootdelay=0.00,\nrootdispersion=0.00, peer=0, refid=0.0.0.0,';
    expect(parseNtpStatus('junos', output)).toEqual({ synchronized: false, stratum: 16, reference: null });
  });

  it('throws OutputParseError naming the missing status line', () => {
    expect(() => parseNtpStatus('ios', '%NTP is not enabled.')).toThrow(OutputParseError);
    expect(() => parseNtpStatus('comware', '')).toThrow(/Clock status:/);
  });
});
