import { describe, expect, it } from 'vitest';
import { permissionDeniedReason, serialLostError, serialOpenError, serialOpenTimeoutError, serialUpdateError } from './serialErrors';

const description = 'serial /dev/ttyUSB0 9600 8N1';

describe('serialOpenError', () => {
  it.each([
    // Texts as serialport's native bindings produce them (see the prebuilt binaries' format strings).
    ['Error: Permission denied, cannot open /dev/ttyUSB0', 'PermissionDenied'],
    ['Error: Device or resource busy, cannot open /dev/ttyUSB0', 'PortBusy'],
    ['Error Resource temporarily unavailable Cannot lock port', 'PortBusy'],
    ['Error: Resource busy, cannot open /dev/cu.usbserial-1410', 'PortBusy'],
    ['Opening COM3: Access denied', 'PortBusy'],
    ['Error: No such file or directory, cannot open /dev/ttyUSB0', 'PortNotFound'],
    ['Opening COM9: File not found', 'PortNotFound'],
    ['Error: No such device or address, cannot open /dev/ttyUSB0', 'PortNotFound'],
    ['Error: Inappropriate ioctl for device setting custom baud rate of 9600', 'InvalidRequest'],
    ['Error: Is a directory, cannot open /dev', 'InvalidRequest'],
    ['Invalid parity setting 2', 'InvalidRequest'],
    ['something new', 'Internal'],
  ] as const)('maps %j to %s', (text, code) => {
    const error = serialOpenError(description, '/dev/ttyUSB0', new Error(text));
    expect(error.code).toBe(code);
    expect(error.message.startsWith(`${description}: `)).toBe(true);
    expect(error.details).toEqual({ cause: text });
  });

  it('tells a Linux user without port rights how to get them, in Chinese and English', () => {
    const error = serialOpenError(description, '/dev/ttyUSB0', new Error('Error: Permission denied, cannot open /dev/ttyUSB0'));
    expect(error.message).toBe(`${description}: ${permissionDeniedReason}`);
    expect(error.message).toContain('当前用户没有串口权限');
    expect(error.message).toContain('sudo usermod -aG dialout $USER');
    expect(error.message).toContain('add your user to the dialout group');
  });

  it('points at the other program when the port is busy', () => {
    const error = serialOpenError(description, '/dev/ttyUSB0', new Error('Error Resource temporarily unavailable Cannot lock port'));
    expect(error.message).toContain('the port is in use by another program (a terminal such as PuTTY/SecureCRT?)');
  });

  it('names the missing port and asks about the cable', () => {
    const error = serialOpenError(description, '/dev/ttyUSB0', new Error('Error: No such file or directory, cannot open /dev/ttyUSB0'));
    expect(error.message).toMatch(/^serial \/dev\/ttyUSB0 9600 8N1: no such port: \/dev\/ttyUSB0 — is the cable plugged in\?/);
  });

  it('keeps the text of an unknown failure and of a non-Error value', () => {
    expect(serialOpenError(description, '/dev/ttyUSB0', new Error('odd')).message).toBe(`${description}: could not open the port (odd)`);
    expect(serialOpenError(description, '/dev/ttyUSB0', 'plain text').details).toEqual({ cause: 'plain text' });
  });
});

describe('the other serial errors', () => {
  it('reports a lost line as ConnectionClosed, with the system text only in details', () => {
    const error = serialLostError(description, new Error('bad file descriptor'));
    expect(error.code).toBe('ConnectionClosed');
    expect(error.message).toBe(`${description}: connection lost (the console cable was pulled or the device went away)`);
    expect(error.details).toEqual({ cause: 'bad file descriptor' });
    expect(serialLostError(description).details).toBeUndefined();
  });

  it('names the limit of an open that never finished and the speed a port refused', () => {
    expect(serialOpenTimeoutError(description, 10_000).message).toBe(`${description}: the port did not open within 10 s (a Bluetooth or virtual COM port that is not connected?)`);
    expect(serialOpenTimeoutError(description, 2500).code).toBe('Timeout');
    const update = serialUpdateError(description, 115_200, new Error('Invalid argument'));
    expect([update.code, update.message]).toEqual(['InvalidRequest', `${description}: could not switch to 115200 baud (Invalid argument)`]);
  });
});
