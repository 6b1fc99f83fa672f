import type { StateCreator } from 'zustand';
import type { ApplyReport, ErrorPayload, EventOf, ParameterProblemView, PlanView, ProfileSummary, RollbackReport } from '../../../shared/contract';
import type { AppState } from './store';

/** The wizard's steps, in order: profiles, parameters, plan (the dry run), apply, result. */
export const provisionSteps = ['profiles', 'parameters', 'plan', 'apply', 'result'] as const;
export type ProvisionStep = (typeof provisionSteps)[number];

export type ProvisionProgress = EventOf<'provision.progress'>;

export interface ApplyOptionsChoice {
  save: boolean;
  rollbackOnFailure: boolean;
}

/**
 * The provisioning wizard. Parameter values are not here: they stay in the wizard's form (secrets
 * among them) and go to the host with each request. What the host sends back is already masked.
 */
export interface ProvisionSlice {
  profiles: ProfileSummary[];
  profilesLoading: boolean;
  profilesError: ErrorPayload | null;
  selectedProfileIds: string[];
  provisionStep: ProvisionStep;
  planning: boolean;
  plan: PlanView | null;
  /** A request of the wizard that failed (plan, apply, rollback, sheet import). */
  provisionError: ErrorPayload | null;
  /** The host's findings per parameter from the last plan or apply. */
  parameterProblems: ParameterProblemView[];
  applyOptions: ApplyOptionsChoice;
  applying: boolean;
  progress: ProvisionProgress | null;
  report: ApplyReport | null;
  rollingBack: boolean;
  rollback: RollbackReport | null;

  beginProfilesLoad: () => void;
  profilesLoaded: (profiles: ProfileSummary[]) => void;
  profilesFailed: (error: ErrorPayload) => void;
  setSelectedProfileIds: (ids: string[]) => void;
  setProvisionStep: (step: ProvisionStep) => void;
  beginPlan: () => void;
  planned: (plan: PlanView) => void;
  planRejected: (error: ErrorPayload, problems: ParameterProblemView[]) => void;
  clearParameterProblem: (parameter: string) => void;
  setApplyOptions: (options: ApplyOptionsChoice) => void;
  beginApply: () => void;
  progressed: (progress: ProvisionProgress) => void;
  applied: (report: ApplyReport) => void;
  applyFailed: (error: ErrorPayload, problems: ParameterProblemView[]) => void;
  beginRollback: () => void;
  rolledBack: (report: RollbackReport) => void;
  rollbackFailed: (error: ErrorPayload) => void;
  setProvisionError: (error: ErrorPayload | null) => void;
  resetProvision: () => void;
}

const freshRun = {
  planning: false,
  plan: null,
  provisionError: null,
  parameterProblems: [],
  applying: false,
  progress: null,
  report: null,
  rollingBack: false,
  rollback: null,
} satisfies Partial<ProvisionSlice>;

export const createProvisionSlice: StateCreator<AppState, [], [], ProvisionSlice> = (set) => ({
  profiles: [],
  profilesLoading: false,
  profilesError: null,
  selectedProfileIds: [],
  provisionStep: 'profiles',
  applyOptions: { save: true, rollbackOnFailure: false },
  ...freshRun,

  beginProfilesLoad: () => set({ profilesLoading: true }),
  profilesLoaded: (profiles) => set({ profiles, profilesLoading: false, profilesError: null }),
  profilesFailed: (profilesError) => set({ profilesLoading: false, profilesError }),
  // A different selection makes the last plan meaningless.
  setSelectedProfileIds: (selectedProfileIds) => set({ selectedProfileIds, plan: null, parameterProblems: [] }),
  setProvisionStep: (provisionStep) => set({ provisionStep, provisionError: null }),
  beginPlan: () => set({ planning: true, provisionError: null }),
  planned: (plan) => set({ planning: false, plan, parameterProblems: [], provisionStep: 'plan', report: null, progress: null, rollback: null }),
  planRejected: (provisionError, parameterProblems) => set({ planning: false, provisionError, parameterProblems }),
  clearParameterProblem: (parameter) =>
    set((state) => ({ parameterProblems: state.parameterProblems.filter((problem) => problem.parameter !== parameter) })),
  setApplyOptions: (applyOptions) => set({ applyOptions }),
  beginApply: () => set({ applying: true, provisionStep: 'apply', provisionError: null, progress: null, report: null, rollback: null }),
  progressed: (progress) => set({ progress }),
  applied: (report) => set({ applying: false, report, rollback: report.rollback, provisionStep: runFinished(report) ? 'result' : 'apply' }),
  applyFailed: (provisionError, parameterProblems) => set({ applying: false, provisionError, parameterProblems }),
  beginRollback: () => set({ rollingBack: true, provisionError: null }),
  rolledBack: (rollback) => set({ rollingBack: false, rollback }),
  rollbackFailed: (provisionError) => set({ rollingBack: false, provisionError }),
  setProvisionError: (provisionError) => set({ provisionError }),
  resetProvision: () => set({ ...freshRun, provisionStep: 'profiles', selectedProfileIds: [] }),
});

/** Every line acknowledged: the run is over, saved or not (a failed save is shown on the result). */
export function runFinished(report: ApplyReport): boolean {
  return report.failedLine === null && report.interrupted === null;
}
