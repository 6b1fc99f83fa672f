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

export const useProvisionStep = () => useAppStore((state) => state.provisionStep);
export const useSelectedProfileIds = () => useAppStore((state) => state.selectedProfileIds);
export const useParameterProblems = () => useAppStore((state) => state.parameterProblems);
export const useProvisionPlan = () => useAppStore((state) => state.plan);
export const useApplyOptions = () => useAppStore((state) => state.applyOptions);
export const useProvisionProgress = () => useAppStore((state) => state.progress);
export const useProvisionError = () => useAppStore((state) => state.provisionError);

export const useProfileLibrary = () =>
  useAppStore(useShallow((state) => ({ profiles: state.profiles, loading: state.profilesLoading, error: state.profilesError })));

/** The apply run as the run step shows it. */
export const useProvisionRun = () =>
  useAppStore(
    useShallow((state) => ({
      applying: state.applying,
      report: state.report,
      rollingBack: state.rollingBack,
      rollback: state.rollback,
      planning: state.planning,
    })),
  );
