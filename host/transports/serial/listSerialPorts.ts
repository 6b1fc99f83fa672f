import { SerialPort } from 'serialport';
import { FieldKitError } from '../../../shared/contract';
import type { SerialPortInfo } from '../../../shared/contract/serial';
import { describeAdapter, normalizeUsbId } from './adapters';

/** One entry of serialport's `list()`, as the native bindings report it. */
export type ListedPort = Awaited<ReturnType<typeof SerialPort.list>>[number];

/**
 * The serial ports the operating system lists, USB console adapters first, then by path in
 * natural order (ttyUSB2 before ttyUSB10). Pseudo-terminals and symlinks are never listed:
 * the UI must also take a typed path. `list` is a seam for tests.
 */
export async function listSerialPorts(list: () => Promise<ListedPort[]> = () => SerialPort.list()): Promise<SerialPortInfo[]> {
  let listed: ListedPort[];
  try {
    listed = await list();
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new FieldKitError('Internal', `serial: could not list the serial ports (${cause})`, { cause });
  }
  return listed.map(toPortInfo).sort(byAdapterThenPath);
}

function toPortInfo(port: ListedPort): SerialPortInfo {
  return {
    path: port.path,
    manufacturer: present(port.manufacturer),
    vendorId: normalizeUsbId(port.vendorId) ?? null,
    productId: normalizeUsbId(port.productId) ?? null,
    serialNumber: present(port.serialNumber),
    adapter: describeAdapter(port.vendorId, port.productId, port.manufacturer),
  };
}

function present(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function byAdapterThenPath(left: SerialPortInfo, right: SerialPortInfo): number {
  const rank = (port: SerialPortInfo): number => (port.adapter.chip !== null ? 0 : port.vendorId !== null ? 1 : 2);
  return rank(left) - rank(right) || left.path.localeCompare(right.path, 'en', { numeric: true });
}
