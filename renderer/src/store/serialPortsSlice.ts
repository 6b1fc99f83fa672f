import type { StateCreator } from 'zustand';
import type { ErrorPayload, SerialPortInfo } from '../../../shared/contract';
import type { AppState } from './store';

/** The host's last answer to `serial.list`; refreshed on demand, never polled. */
export interface SerialPortsSlice {
  serialPorts: SerialPortInfo[];
  serialPortsLoading: boolean;
  serialPortsError: ErrorPayload | null;
  beginSerialList: () => void;
  serialListed: (ports: SerialPortInfo[]) => void;
  serialListFailed: (error: ErrorPayload) => void;
}

export const createSerialPortsSlice: StateCreator<AppState, [], [], SerialPortsSlice> = (set) => ({
  serialPorts: [],
  serialPortsLoading: false,
  serialPortsError: null,
  beginSerialList: () => set({ serialPortsLoading: true }),
  serialListed: (serialPorts) => set({ serialPorts, serialPortsLoading: false, serialPortsError: null }),
  serialListFailed: (serialPortsError) => set({ serialPortsLoading: false, serialPortsError }),
});
