import type { SerialPortInfo } from '../../../../shared/contract';

/**
 * How a listed port reads in the picker: `/dev/ttyUSB0 — FTDI FT232R`. The adapter label names
 * the cable's chip (which decides the driver the laptop needs); without one the manufacturer
 * string is the next best hint; with neither, the bare path.
 */
export function serialPortLabel(port: SerialPortInfo): string {
  const hint = port.adapter.label ?? port.manufacturer;
  return hint ? `${port.path} — ${hint}` : port.path;
}
