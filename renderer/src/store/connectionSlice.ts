import type { StateCreator } from 'zustand';
import type { DialectChoice } from '../../../shared/contract';
import type { AppState } from './store';

/**
 * What the technician typed to reach the device, minus every secret: passwords and enable
 * secrets stay in the form's component state and are handed to the connect action directly.
 */
export interface ConnectionTarget {
  host: string;
  port: number;
  username: string;
  dialect: DialectChoice;
}

export interface ConnectionSlice {
  target: ConnectionTarget;
  setTarget: (target: ConnectionTarget) => void;
}

export const TELNET_DEFAULT_PORT = 23;

export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  target: { host: '', port: TELNET_DEFAULT_PORT, username: '', dialect: 'auto' },
  setTarget: (target) => set({ target }),
});
