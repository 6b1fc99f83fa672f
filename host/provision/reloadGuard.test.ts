import { describe, expect, it } from 'vitest';
import { ApplyOptions, type ProvisionSource } from '../../shared/contract';
import { applyProvision } from './applyProvision';
import { openSimulatedLine } from './testing/simulatedLine';

const source: ProvisionSource = { kind: 'config', name: 'x.txt', lines: ['ntp server 192.0.2.1', 'bogus line here', 'ntp server 192.0.2.2'] };

describe('reload guard on the IOS simulator', () => {
  it('is off by default', async () => {
    const rig = await openSimulatedLine('ios');
    await applyProvision({ line: rig.line, sessionId: 's', target: 't', runsDir: null, mask: (text) => text, lookup: () => undefined }, source, ApplyOptions.parse({}));
    expect(rig.transport.received.some((line) => line.startsWith('reload'))).toBe(false);
    rig.dispose();
  });

  it('schedules before the first line, and stays scheduled when a line fails', async () => {
    const rig = await openSimulatedLine('ios');
    const report = await applyProvision(
      { line: rig.line, sessionId: 's', target: 't', runsDir: null, mask: (text) => text, lookup: () => undefined },
      source,
      ApplyOptions.parse({ reloadGuard: { minutes: 7 } }),
    );
    expect(report.failedLine?.number).toBe(2);
    expect(report.reloadGuard).toMatchObject({ scheduled: true, cancelled: false, minutes: 7 });
    const sent = rig.transport.received;
    expect(sent.indexOf('reload in 7')).toBeLessThan(sent.indexOf('ntp server 192.0.2.1'));
    expect(sent).not.toContain('reload cancel');
    rig.dispose();
  });

  it('is cancelled once the lines went through, before the save', async () => {
    const rig = await openSimulatedLine('ios');
    const report = await applyProvision(
      { line: rig.line, sessionId: 's', target: 't', runsDir: null, mask: (text) => text, lookup: () => undefined },
      { ...source, lines: ['ntp server 192.0.2.1'] },
      ApplyOptions.parse({ reloadGuard: {} }),
    );
    expect(report.reloadGuard).toMatchObject({ scheduled: true, cancelled: true, minutes: 10 });
    const sent = rig.transport.received;
    expect(sent.indexOf('reload cancel')).toBeGreaterThan(sent.indexOf('ntp server 192.0.2.1'));
    expect(sent.indexOf('reload cancel')).toBeLessThan(sent.indexOf('write memory'));
    expect(report.saved).toBe(true);
    rig.dispose();
  });
});
