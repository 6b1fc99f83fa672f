import { describe, expect, it } from 'vitest';
import type { SerialPortInfo } from '../../../shared/contract';
import type { CliIo } from '../io';
import { portsCommand } from './portsCommand';

const ports: SerialPortInfo[] = [
  { path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001', serialNumber: 'A1', adapter: { chip: 'FTDI', label: 'FTDI FT232R USB-serial' } },
  { path: '/dev/ttyS0', manufacturer: null, vendorId: null, productId: null, serialNumber: null, adapter: { chip: null, label: null } },
];

function capture(): CliIo & { text: () => string } {
  let out = '';
  return { out: (t) => void (out += t), err: () => undefined, env: {}, text: () => out };
}

describe('fieldkit ports', () => {
  it('lists adapters with their chip and USB ids', async () => {
    const io = capture();
    expect(await portsCommand([], io, async () => ports)).toBe(0);
    expect(io.text()).toContain('/dev/ttyUSB0');
    expect(io.text()).toContain('FTDI FT232R USB-serial [0403:6001]');
  });

  it('prints JSON with --json', async () => {
    const io = capture();
    await portsCommand(['--json'], io, async () => ports);
    expect(JSON.parse(io.text())).toEqual(ports);
  });

  it('says what to do when nothing is plugged in', async () => {
    const io = capture();
    await portsCommand([], io, async () => []);
    expect(io.text()).toMatch(/Plug in the USB console cable/);
  });
});
