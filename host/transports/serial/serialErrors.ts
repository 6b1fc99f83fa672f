import { FieldKitError, type ErrorCode } from '../../../shared/contract';

/**
 * serialport's native errors carry no `code`, only text such as
 * `Error: Permission denied, cannot open /dev/ttyUSB0` (Linux, macOS),
 * `Error Resource temporarily unavailable Cannot lock port` (another process holds the lock) or
 * `Opening COM3: Access denied` (Windows: another program has the port open).
 * These rules turn that text into errors a technician can act on. Every message starts with the
 * transport's description; `details.cause` keeps the original text for support.
 */
interface OpenFault {
  code: ErrorCode;
  pattern: RegExp;
  reason: (path: string) => string;
}

export const permissionDeniedReason =
  '当前用户没有串口权限：请执行 sudo usermod -aG dialout $USER 后重新登录 / permission denied: add your user to the dialout group (sudo usermod -aG dialout $USER) and log in again';

const portBusyReason = 'the port is in use by another program (a terminal such as PuTTY/SecureCRT?): close the port there, or the other FieldKit session on it, and try again';

const openFaults: readonly OpenFault[] = [
  // Windows reports a port another program holds as "Access denied", so this rule comes first.
  { code: 'PortBusy', pattern: /^Opening [^:]+: Access denied/i, reason: () => portBusyReason },
  { code: 'PermissionDenied', pattern: /Permission denied|EACCES|Operation not permitted|EPERM/i, reason: () => permissionDeniedReason },
  { code: 'PortBusy', pattern: /Cannot lock port|Resource temporarily unavailable|Device or resource busy|Resource busy|EBUSY/i, reason: () => portBusyReason },
  {
    code: 'PortNotFound',
    pattern: /No such file or directory|File not found|ENOENT/i,
    reason: (path) => `no such port: ${path} — is the cable plugged in? (USB adapters get a new name, e.g. ttyUSB1 or another COM number, after replugging: pick the port again)`,
  },
  {
    code: 'PortNotFound',
    pattern: /No such device|ENODEV|ENXIO/i,
    reason: (path) => `the device behind ${path} is gone (the USB adapter was unplugged?): plug it in and pick the port again`,
  },
  { code: 'InvalidRequest', pattern: /Inappropriate ioctl|Not a typewriter|ENOTTY|Is a directory/i, reason: (path) => `${path} is not a serial port` },
  { code: 'InvalidRequest', pattern: /Invalid parity/i, reason: () => 'this port does not support that parity setting (use none, even or odd)' },
  { code: 'InvalidRequest', pattern: /baud rate/i, reason: () => 'this port does not support that speed (baud rate)' },
];

/** A failure while opening the port. Unrecognised causes become `Internal` with the original text. */
export function serialOpenError(description: string, path: string, error: unknown): FieldKitError {
  const cause = errorText(error);
  const fault = openFaults.find((candidate) => candidate.pattern.test(cause));
  if (fault) return new FieldKitError(fault.code, `${description}: ${fault.reason(path)}`, { cause });
  return new FieldKitError('Internal', `${description}: could not open the port (${cause})`, { cause });
}

/** Changing the speed of an open port failed. */
export function serialUpdateError(description: string, baudRate: number, error: unknown): FieldKitError {
  const cause = errorText(error);
  return new FieldKitError('InvalidRequest', `${description}: could not switch to ${baudRate} baud (${cause})`, { cause, baudRate });
}

/**
 * The line ended without us closing it: on USB the adapter or the device's console went away;
 * on a pseudo-terminal the other end closed. `cause` is the system's text, for support only.
 */
export function serialLostError(description: string, cause?: unknown): FieldKitError {
  const details = cause === undefined ? undefined : { cause: errorText(cause) };
  return new FieldKitError('ConnectionClosed', `${description}: connection lost (the console cable was pulled or the device went away)`, details);
}

export function serialOpenTimeoutError(description: string, timeoutMs: number): FieldKitError {
  return new FieldKitError('Timeout', `${description}: the port did not open within ${formatSeconds(timeoutMs)} (a Bluetooth or virtual COM port that is not connected?)`, { timeoutMs });
}

function formatSeconds(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
