import { z } from 'zod';

/**
 * USB-to-serial chip families a technician's console cable is built on. The family decides which
 * driver the laptop needs (Windows ships none for CH340 or PL2303 clones), so the UI can say so.
 */
export const SerialAdapterChip = z.enum(['FTDI', 'Prolific PL2303', 'WCH CH340/CH341', 'Silicon Labs CP210x']);
export type SerialAdapterChip = z.infer<typeof SerialAdapterChip>;

export const SerialAdapter = z.object({
  /** The chip family, or null for a built-in port, a device's own USB console, or an unknown adapter. */
  chip: SerialAdapterChip.nullable(),
  /** What to show next to the path, e.g. `FTDI FT232R`, `WCH CH340`, `Cisco USB console`; null when nothing is known. */
  label: z.string().nullable(),
});
export type SerialAdapter = z.infer<typeof SerialAdapter>;

/**
 * One serial port the operating system lists. Pseudo-terminals and symlinks are never listed, so
 * the UI also accepts a typed path. USB ids are lower-case hex without `0x` (`0403`, `6001`).
 */
export const SerialPortInfo = z.object({
  /** `/dev/ttyUSB0`, `/dev/cu.usbserial-1410`, `COM3`. */
  path: z.string(),
  manufacturer: z.string().nullable(),
  vendorId: z.string().nullable(),
  productId: z.string().nullable(),
  serialNumber: z.string().nullable(),
  adapter: SerialAdapter,
});
export type SerialPortInfo = z.infer<typeof SerialPortInfo>;
