import { describe, expect, it } from 'vitest';
import type { SerialPortInfo } from '../../../../shared/contract';
import { serialPortLabel } from './serialPortLabel';

const port = (overrides: Partial<SerialPortInfo>): SerialPortInfo => ({
  path: '/dev/ttyUSB0',
  manufacturer: null,
  vendorId: null,
  productId: null,
  serialNumber: null,
  adapter: { chip: null, label: null },
  ...overrides,
});

describe('serialPortLabel', () => {
  it('shows the adapter label next to the path', () => {
    expect(serialPortLabel(port({ manufacturer: 'FTDI', adapter: { chip: 'FTDI', label: 'FTDI FT232R' } }))).toBe('/dev/ttyUSB0 — FTDI FT232R');
  });

  it('falls back to the manufacturer, then to the bare path', () => {
    expect(serialPortLabel(port({ path: 'COM3', manufacturer: 'Microsoft' }))).toBe('COM3 — Microsoft');
    expect(serialPortLabel(port({ path: '/dev/ttyS0' }))).toBe('/dev/ttyS0');
  });
});
