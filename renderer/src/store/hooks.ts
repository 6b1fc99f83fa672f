import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from './store';

export const useHostLink = () => useAppStore((state) => state.hostLink);
export const useHostVersion = () => useAppStore((state) => state.hostVersion);
export const useLanguage = () => useAppStore((state) => state.language);
export const useTarget = () => useAppStore((state) => state.target);
export const useSessionId = () => useAppStore((state) => state.sessionId);
export const useSessionPhase = () => useAppStore((state) => state.phase);
export const useSessionError = () => useAppStore((state) => state.error);
export const useSessionLost = () => useAppStore((state) => state.lost);
export const useFacts = () => useAppStore((state) => state.facts);
export const useEndpoint = () => useAppStore((state) => state.endpoint);

/** What the connection form needs to decide which buttons are live. */
export const useSessionControls = () =>
  useAppStore(useShallow((state) => ({ phase: state.phase, sessionId: state.sessionId, hostLink: state.hostLink })));

export const useSerialPorts = () =>
  useAppStore(useShallow((state) => ({ ports: state.serialPorts, loading: state.serialPortsLoading, error: state.serialPortsError })));
