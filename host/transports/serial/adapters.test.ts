import { describe, expect, it } from 'vitest';
import { describeAdapter, normalizeUsbId } from './adapters';

describe('describeAdapter', () => {
  it.each([
    // vendorId, productId, manufacturer, chip, label
    ['0403', '6001', 'FTDI', 'FTDI', 'FTDI FT232R'],
    ['0403', '6015', undefined, 'FTDI', 'FTDI FT-X (FT230X/FT231X)'],
    ['0403', '6014', undefined, 'FTDI', 'FTDI FT232H'],
    ['0403', 'beef', undefined, 'FTDI', 'FTDI'],
    ['067b', '2303', 'Prolific Technology Inc.', 'Prolific PL2303', 'Prolific PL2303'],
    ['067B', '23A3', 'Prolific', 'Prolific PL2303', 'Prolific PL2303GC'],
    ['1a86', '7523', '1a86', 'WCH CH340/CH341', 'WCH CH340'],
    ['1a86', '5523', undefined, 'WCH CH340/CH341', 'WCH CH341'],
    ['1a86', '55d4', undefined, 'WCH CH340/CH341', 'WCH CH9102'],
    ['10c4', 'ea60', 'Silicon Labs', 'Silicon Labs CP210x', 'Silicon Labs CP2102/CP2104'],
    ['10C4', 'EA70', undefined, 'Silicon Labs CP210x', 'Silicon Labs CP2105'],
    ['0x10c4', '0xea71', undefined, 'Silicon Labs CP210x', 'Silicon Labs CP2108'],
  ] as const)('recognises %s:%s by its USB ids', (vendorId, productId, manufacturer, chip, label) => {
    expect(describeAdapter(vendorId, productId, manufacturer)).toEqual({ chip, label });
  });

  it.each([
    ['FTDI', 'FTDI', 'FTDI'],
    ['Future Technology Devices International, Ltd', 'FTDI', 'FTDI'],
    ['Prolific', 'Prolific PL2303', 'Prolific PL2303'],
    ['wch.cn', 'WCH CH340/CH341', 'WCH CH340/CH341'],
    ['QinHeng Electronics', 'WCH CH340/CH341', 'WCH CH340/CH341'],
    ['Silicon Laboratories', 'Silicon Labs CP210x', 'Silicon Labs CP210x'],
  ] as const)('falls back to the manufacturer text %j when there are no USB ids', (manufacturer, chip, label) => {
    expect(describeAdapter(undefined, undefined, manufacturer)).toEqual({ chip, label });
  });

  it('trusts the USB ids over a manufacturer text that disagrees', () => {
    expect(describeAdapter('0403', '6001', 'Prolific')).toEqual({ chip: 'FTDI', label: 'FTDI FT232R' });
  });

  it("names a device's own USB console without claiming an adapter chip", () => {
    expect(describeAdapter('05a6', '0009', 'Cisco')).toEqual({ chip: null, label: 'Cisco USB console' });
  });

  it('keeps an unknown manufacturer as the label and names nothing for a bare built-in port', () => {
    expect(describeAdapter('2341', '0043', 'Arduino (www.arduino.cc)')).toEqual({ chip: null, label: 'Arduino (www.arduino.cc)' });
    expect(describeAdapter(undefined, undefined, undefined)).toEqual({ chip: null, label: null });
    expect(describeAdapter(null, null, '  ')).toEqual({ chip: null, label: null });
  });

  it('does not mistake a word containing "wch" for WCH', () => {
    expect(describeAdapter(undefined, undefined, 'Switchcraft')).toEqual({ chip: null, label: 'Switchcraft' });
  });
});

describe('normalizeUsbId', () => {
  it('accepts the spellings of Linux, macOS and Windows and rejects anything else', () => {
    expect([normalizeUsbId('0403'), normalizeUsbId('0x0403'), normalizeUsbId('403'), normalizeUsbId('EA60'), normalizeUsbId(' ea60 ')]).toEqual(['0403', '0403', '0403', 'ea60', 'ea60']);
    expect([normalizeUsbId('xyz'), normalizeUsbId('12345'), normalizeUsbId(''), normalizeUsbId(null), normalizeUsbId(undefined)]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
