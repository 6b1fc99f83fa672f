import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { createHost } from '../../host/compositionRoot';
import { startFakeCli, type FakeCliServer } from '../support/fakeCliServer';

// Older Huawei/H3C/Maipu devices configured on Chinese Windows keep descriptions in GBK.
// A device that speaks GBK must read correctly in the facts, the live terminal and the transcript.
const description = '上行链路至省政务外网（县中心）';
const versionText = [
  'Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.2(4)M7, RELEASE SOFTWARE (fc2)',
  `系统描述: ${description}`,
  'gbk-r1 uptime is 3 weeks, 2 days, 4 hours, 11 minutes',
  'cisco CISCO2911/K9 (revision 1.0) with 487424K/36864K bytes of memory.',
  'Processor board ID FGL1234567A',
].join('\r\n');
const config = ['interface GigabitEthernet0/1', ` description ${description}`, ' ip address 192.0.2.1 255.255.255.252', '!'].join('\r\n');

const dataDir = mkdtempSync(join(tmpdir(), 'fk-gbk-'));
const host = createHost({ carrier: 'in-process', dataDir });
let device: FakeCliServer;

afterAll(async () => {
  await host.dispose();
  await device.close();
});

describe('a GBK device', () => {
  it('reads Chinese text correctly in facts, command output, terminal and transcript', async () => {
    const gbk = (text: string) => iconv.encode(text, 'gbk');
    device = await startFakeCli({
      onConnect: (socket) => socket.write(gbk('\r\n欢迎使用\r\ngbk-r1#')),
      onLine: (line, socket) => {
        if (line === 'show version') socket.write(gbk(`${line}\r\n${versionText}\r\ngbk-r1#`));
        else if (line === 'show running-config') socket.write(gbk(`${line}\r\n${config}\r\ngbk-r1#`));
        else socket.write(gbk(`${line}\r\ngbk-r1#`));
      },
    });
    let terminal = '';
    const unsubscribe = host.client.subscribe('terminal.output', (event) => (terminal += event.data));
    const { sessionId, facts, transcriptPath } = await host.client.invoke('session.connect', {
      target: { kind: 'telnet', host: '127.0.0.1', port: device.port },
      dialect: 'ios',
      terminal: { charset: 'gbk' },
      label: 'gbk',
    });
    expect(facts).toMatchObject({ hostname: 'gbk-r1', vendor: 'Cisco', version: '15.2(4)M7', serial: 'FGL1234567A' });
    const result = await host.client.invoke('session.run', { sessionId, command: 'show running-config' });
    expect(result.output).toContain(` description ${description}`);
    await host.client.invoke('session.disconnect', { sessionId });
    unsubscribe();

    expect(terminal).toContain(`系统描述: ${description}`);
    expect(terminal).toContain(` description ${description}`);
    expect(transcriptPath).not.toBeNull();
    const transcript = readFileSync(transcriptPath ?? '', 'utf8');
    expect(transcript).toContain(description);
    expect(readdirSync(join(dataDir, 'transcripts'))).toHaveLength(1);
  });

  it('shows mojibake, not a crash, when the charset is wrong (UTF-8 assumed)', async () => {
    const { sessionId } = await host.client.invoke('session.connect', { target: { kind: 'telnet', host: '127.0.0.1', port: device.port }, dialect: 'ios' });
    const result = await host.client.invoke('session.run', { sessionId, command: 'show running-config' });
    expect(result.output).not.toContain(description);
    expect(result.output).toContain('ip address 192.0.2.1');
    await host.client.invoke('session.disconnect', { sessionId });
  });
});
