import type { StateCreator } from 'zustand';
import type { Charset, DialectChoice, LineEndingName, SerialTarget } from '../../../shared/contract';
import type { AppState } from './store';

/** Serial first: a console cable is the technician's first contact with a new device. */
export const transportKinds = ['serial', 'telnet', 'ssh'] as const;
export type TransportKind = (typeof transportKinds)[number];

/** `default` leaves the line ending to the dialect. */
export type LineEndingChoice = 'default' | LineEndingName;

/**
 * What the technician typed to reach the device, minus every secret: passwords, enable secrets
 * and key passphrases stay in the form's component state and go to the connect action directly.
 * One flat record for all transports, so switching transport keeps what was typed for the others.
 */
export interface ConnectionTarget {
  kind: TransportKind;
  /** Telnet and SSH. */
  host: string;
  port: number;
  /** Serial: `/dev/ttyUSB0`, `COM3`, or any typed path (pseudo-terminals are never listed). */
  path: string;
  baudRate: SerialTarget['baudRate'];
  dataBits: SerialTarget['dataBits'];
  parity: SerialTarget['parity'];
  stopBits: SerialTarget['stopBits'];
  flowControl: SerialTarget['flowControl'];
  username: string;
  /** SSH only; empty = none. */
  privateKeyPath: string;
  dialect: DialectChoice;
  lineEnding: LineEndingChoice;
  charset: Charset;
}

export interface ConnectionSlice {
  target: ConnectionTarget;
  setTarget: (target: ConnectionTarget) => void;
}

export const TELNET_DEFAULT_PORT = 23;
export const SSH_DEFAULT_PORT = 22;
/** 9600 8N1, no flow control: what nearly every router and switch console ships with. */
export const SERIAL_DEFAULT_BAUD_RATE = 9600;

export const defaultTarget: ConnectionTarget = {
  kind: 'serial',
  host: '',
  port: TELNET_DEFAULT_PORT,
  path: '',
  baudRate: SERIAL_DEFAULT_BAUD_RATE,
  dataBits: 8,
  parity: 'none',
  stopBits: 1,
  flowControl: 'none',
  username: '',
  privateKeyPath: '',
  dialect: 'auto',
  lineEnding: 'default',
  charset: 'utf-8',
};

export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  target: defaultTarget,
  setTarget: (target) => set({ target }),
});
