import { describe, expect, it } from 'vitest';
import { createSecretMasker } from '../../shared/secrets';
import { DeviceSession } from '../session';
import { openRig, reply } from '../session/testing/sessionRig';
import { createSessionLine } from './deviceLine';
import { sendPlan, sendUnits } from './sendPlan';
import { saveConfiguration } from './saveConfig';

const PAGING = [reply('terminal length 0', [], 'R1#'), reply('terminal width 511', [], 'R1#')];

async function lineOver(steps: Parameters<typeof openRig>[0]['steps']) {
  const rig = await openRig({ greeting: '\r\nR1#', steps: [...PAGING, ...steps], chunking: { kind: 'random', seed: 11, maxSize: 5 } });
  const session = await DeviceSession.login(rig.channel, rig.dialect, {}, { loginTimeoutMs: 2000, commandTimeoutMs: 2000, promptSettleMs: 30 });
  return { rig, line: createSessionLine(session, rig.channel, { commandTimeoutMs: 2000, mask: createSecretMasker().mask }) };
}

describe('device line exchanges', () => {
  it('sends a banner as one block, waiting only for the prompt after its delimiter', async () => {
    const { rig, line } = await lineOver([
      reply('configure terminal', [], 'R1(config)#'),
      {
        input: 'banner motd #\nAuthorised access only\n#\n',
        reply: "banner motd #\r\nEnter TEXT message.  End with the character '#'.\r\nAuthorised access only\r\n#\r\nR1(config)#",
      },
      { input: '\u0015\n', reply: '\r\nR1(config)#' },
      reply('ntp server 192.0.2.1', [], 'R1(config)#'),
    ]);
    await line.enterMode('config');
    const planned = ['banner motd #', 'Authorised access only', '#', 'ntp server 192.0.2.1'].map((text, index) => ({ text, sourceIndex: index, path: [] }));
    const units = sendUnits(line.dialect, planned);
    expect(units.map((unit) => unit.indices)).toEqual([[0, 1, 2], [3]]);
    const acknowledged: number[][] = [];
    expect(await sendPlan(line, units, { acknowledged: (unit) => acknowledged.push(unit.indices) })).toEqual({ kind: 'completed' });
    expect(acknowledged).toEqual([[0, 1, 2], [3]]);
    expect(rig.transport.unexpected).toEqual([]);
    rig.dispose();
  });

  it('answers the save dialogue and reports a save without its success text as not saved', async () => {
    const { rig, line } = await lineOver([
      { input: 'copy running-config startup-config\n', reply: 'copy running-config startup-config\r\nDestination filename [startup-config]? ' },
      { input: '\n', reply: '\r\n%Error opening nvram:startup-config (No space left on device)\r\nR1#' },
      { input: '\u0015\n', reply: '\r\nR1#' },
    ]);
    const dialect = { ...line.dialect, save: [line.dialect.save[1]!] };
    const result = await saveConfiguration({ ...line, dialect, mode: line.mode }, {});
    expect(result).toEqual({ saved: false, command: 'copy running-config startup-config', message: expect.stringContaining('No space left on device') });
    expect(rig.transport.unexpected).toEqual([]);
    rig.dispose();
  });
});
