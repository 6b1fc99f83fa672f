import { describe, expect, it } from 'vitest';
import { SerialPortInfo } from '../../../shared/contract/serial';
import { listSerialPorts, type ListedPort } from './listSerialPorts';

function listed(path: string, fields: Partial<Omit<ListedPort, 'path'>> = {}): ListedPort {
  return { path, manufacturer: undefined, serialNumber: undefined, pnpId: undefined, locationId: undefined, productId: undefined, vendorId: undefined, ...fields };
}

describe('listSerialPorts', () => {
  it('describes each port with its adapter, USB adapters first, paths in natural order', async () => {
    const ports = await listSerialPorts(() =>
      Promise.resolve([
        listed('/dev/ttyS0'),
        listed('/dev/ttyUSB10', { manufacturer: 'Prolific Technology Inc.', vendorId: '067b', productId: '2303' }),
        listed('/dev/ttyACM0', { manufacturer: 'Cisco', vendorId: '05a6', productId: '0009', serialNumber: 'FOC1234X0AB' }),
        listed('/dev/ttyUSB2', { manufacturer: 'FTDI', vendorId: '0403', productId: '6001', serialNumber: 'A50285BI' }),
      ]),
    );
    expect(ports).toEqual([
      { path: '/dev/ttyUSB2', manufacturer: 'FTDI', vendorId: '0403', productId: '6001', serialNumber: 'A50285BI', adapter: { chip: 'FTDI', label: 'FTDI FT232R' } },
      { path: '/dev/ttyUSB10', manufacturer: 'Prolific Technology Inc.', vendorId: '067b', productId: '2303', serialNumber: null, adapter: { chip: 'Prolific PL2303', label: 'Prolific PL2303' } },
      { path: '/dev/ttyACM0', manufacturer: 'Cisco', vendorId: '05a6', productId: '0009', serialNumber: 'FOC1234X0AB', adapter: { chip: null, label: 'Cisco USB console' } },
      { path: '/dev/ttyS0', manufacturer: null, vendorId: null, productId: null, serialNumber: null, adapter: { chip: null, label: null } },
    ]);
    for (const port of ports) expect(SerialPortInfo.safeParse(port).success).toBe(true);
  });

  it('normalises Windows ids and recognises a CH340 by them', async () => {
    const [port] = await listSerialPorts(() => Promise.resolve([listed('COM3', { manufacturer: 'wch.cn', vendorId: '1A86', productId: '7523', pnpId: 'USB\\VID_1A86&PID_7523\\5&2A3B' })]));
    expect(port).toMatchObject({ path: 'COM3', vendorId: '1a86', productId: '7523', adapter: { chip: 'WCH CH340/CH341', label: 'WCH CH340' } });
  });

  it('returns an empty list when there are no ports', async () => {
    expect(await listSerialPorts(() => Promise.resolve([]))).toEqual([]);
  });

  it('reports a failing listing as a FieldKitError with the cause', async () => {
    await expect(listSerialPorts(() => Promise.reject(new Error('udev gone')))).rejects.toMatchObject({ code: 'Internal', message: 'serial: could not list the serial ports (udev gone)' });
  });

  it('lists the real ports of this machine in the contract shape', async () => {
    const ports = await listSerialPorts();
    for (const port of ports) expect(SerialPortInfo.parse(port)).toEqual(port);
  });
});
