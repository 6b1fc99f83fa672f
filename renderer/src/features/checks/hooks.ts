import { useShallow } from 'zustand/react/shallow';
import { runFinished, useAppStore } from '../../store';
import { isChecksRunning, profileChecksAvailable } from './actions';

export const useCheckRows = () => useAppStore((state) => state.checkRows);
export const useChecksRun = () => useAppStore((state) => state.checksRun);
export const useChecksRunning = () => useAppStore(isChecksRunning);

/** What the profiles section needs: the wizard's selection and whether it can be checked now. */
export const useProfileChecksOffer = () =>
  useAppStore(
    useShallow((state) => ({
      profileIds: state.selectedProfileIds,
      profiles: state.profiles,
      available: profileChecksAvailable(state),
      include: state.includeProfileChecks,
      appliedRunId: state.report && runFinished(state.report) ? state.report.runId : null,
    })),
  );
