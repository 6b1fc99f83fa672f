import type { SerialAdapter, SerialAdapterChip } from '../../../shared/contract/serial';

interface ChipFamily {
  chip: SerialAdapterChip;
  vendorId: string;
  /** Label when the product id is not in `products`. */
  name: string;
  /** Product id → the chip's own name. */
  products: Readonly<Record<string, string>>;
  /** Manufacturer strings the drivers report (Linux sysfs, macOS IOKit, Windows INF). */
  manufacturer: RegExp;
}

/**
 * USB ids of the console-cable chips technicians meet, from the Linux drivers' id tables
 * (ftdi_sio, pl2303, ch341, cp210x) and the vendors' datasheets.
 */
const families: readonly ChipFamily[] = [
  {
    chip: 'FTDI',
    vendorId: '0403',
    name: 'FTDI',
    products: { '6001': 'FTDI FT232R', '6010': 'FTDI FT2232', '6011': 'FTDI FT4232H', '6014': 'FTDI FT232H', '6015': 'FTDI FT-X (FT230X/FT231X)' },
    manufacturer: /\bFTDI\b|Future Technology Devices/i,
  },
  {
    chip: 'Prolific PL2303',
    vendorId: '067b',
    name: 'Prolific PL2303',
    products: {
      '2303': 'Prolific PL2303',
      '2304': 'Prolific PL2303TB',
      '23a3': 'Prolific PL2303GC',
      '23b3': 'Prolific PL2303GB',
      '23c3': 'Prolific PL2303GT',
      '23d3': 'Prolific PL2303GL',
      '23e3': 'Prolific PL2303GE',
      '23f3': 'Prolific PL2303GS',
    },
    manufacturer: /Prolific/i,
  },
  {
    // WCH's newer chips (CH342/CH343/CH9102) are the same vendor and driver family to a technician.
    chip: 'WCH CH340/CH341',
    vendorId: '1a86',
    name: 'WCH CH340/CH341',
    products: { '7523': 'WCH CH340', '7522': 'WCH CH340K', '5523': 'WCH CH341', '55d2': 'WCH CH342', '55d3': 'WCH CH343', '55d4': 'WCH CH9102' },
    manufacturer: /wch\.cn|QinHeng|\bWCH\b/i,
  },
  {
    chip: 'Silicon Labs CP210x',
    vendorId: '10c4',
    name: 'Silicon Labs CP210x',
    products: { ea60: 'Silicon Labs CP2102/CP2104', ea70: 'Silicon Labs CP2105', ea71: 'Silicon Labs CP2108' },
    manufacturer: /Silicon Lab/i,
  },
];

/** Consoles built into network devices: USB ids known, but no adapter chip to name. */
const builtInConsoles: Readonly<Record<string, string>> = {
  '05a6:0009': 'Cisco USB console',
};

/** `0x0403`, `0403`, `403` and `EA60` all become four lower-case hex digits; anything else undefined. */
export function normalizeUsbId(id: string | null | undefined): string | undefined {
  if (id === null || id === undefined) return undefined;
  const digits = id.trim().toLowerCase().replace(/^0x/, '');
  if (!/^[0-9a-f]{1,4}$/.test(digits)) return undefined;
  return digits.padStart(4, '0');
}

/**
 * Names the adapter behind a serial port. USB ids win over the manufacturer text, which is the
 * fallback for drivers that report no ids (some Windows drivers) and for unknown product ids.
 */
export function describeAdapter(vendorId: string | null | undefined, productId: string | null | undefined, manufacturer: string | null | undefined): SerialAdapter {
  const vendor = normalizeUsbId(vendorId);
  const product = normalizeUsbId(productId);
  const byVendor = families.find((family) => family.vendorId === vendor);
  if (byVendor) {
    const name = product === undefined ? undefined : byVendor.products[product];
    return { chip: byVendor.chip, label: name ?? byVendor.name };
  }
  const builtIn = vendor !== undefined && product !== undefined ? builtInConsoles[`${vendor}:${product}`] : undefined;
  if (builtIn) return { chip: null, label: builtIn };
  const text = manufacturer?.trim() ?? '';
  const byText = text === '' ? undefined : families.find((family) => family.manufacturer.test(text));
  if (byText) return { chip: byText.chip, label: byText.name };
  return { chip: null, label: text === '' ? null : text };
}
