export const CASE_STATUSES = [
  'submitted',
  'accepted',
  'in_review',
  'awaiting_correction',
  'paused',
  'approved',
  'rejected',
  'refused',
  'withdrawn',
  'completed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A human task in a department's queue. Ids are `<caseId>:task:<n>`, unique across cases. */
export interface Task {
  readonly id: string;
  readonly stepId: string;
  readonly department: string;
  readonly role: string;
}

/** One item of a correction notice (一次性告知). */
export interface MissingItem {
  readonly key: string;
  readonly reason: string;
}

export interface NoticeItem extends MissingItem {
  /** The department that asked for it. */
  readonly department: string;
}

/** The one notice the applicant answers; in a joint step it combines every department's requests. */
export interface CorrectionNotice {
  /** 1 for the case's first notice, 2 for the next, ... */
  readonly round: number;
  readonly items: readonly NoticeItem[];
}

export type ParticipantProgress =
  | { readonly department: string; readonly status: 'deciding'; readonly task: Task }
  | { readonly department: string; readonly status: 'approved' | 'rejected' }
  | { readonly department: string; readonly status: 'awaiting_correction'; readonly missing: readonly MissingItem[] };

/** What the case is waiting for at its current step. Exactly one step is current at a time. */
export type Activity =
  | { readonly kind: 'review'; readonly stepId: string; readonly task: Task }
  /** An auto step's rule is out for evaluation. */
  | { readonly kind: 'auto'; readonly stepId: string; readonly evaluationId: string }
  /** A routing condition (`when`) of `stepId`'s `outcome` is out for evaluation. */
  | {
      readonly kind: 'routing';
      readonly stepId: string;
      readonly outcome: string;
      readonly branch: number;
      readonly evaluationId: string;
    }
  /** `notice` is set once no participant is still deciding and some asked for corrections. */
  | {
      readonly kind: 'joint';
      readonly stepId: string;
      readonly participants: readonly ParticipantProgress[];
      readonly notice: CorrectionNotice | null;
    }
  | { readonly kind: 'timer'; readonly stepId: string; readonly timerId: string }
  /** A review step asked for corrections; the answer follows that step's `correction` route. */
  | { readonly kind: 'correction'; readonly stepId: string; readonly notice: CorrectionNotice };

/** The clock the engine has asked the shell to run (statutory and promised deadlines). */
export type ClockState = 'not_started' | 'running' | 'paused' | 'stopped';

export interface CaseState {
  readonly caseId: string;
  readonly status: CaseStatus;
  readonly submittedAt: string;
  readonly acceptedAt: string | null;
  readonly finishedAt: string | null;
  /** Something happened after acceptance: the case is `in_review` rather than just `accepted`. */
  readonly progressedSinceAcceptance: boolean;
  readonly clock: ClockState;
  readonly correctionRounds: number;
  /** `null` once the case is finished. */
  readonly activity: Activity | null;
  /** Counter behind task, timer and evaluation ids, so that `decide` stays deterministic. */
  readonly sequence: number;
}

export function isFinished(state: CaseState): boolean {
  return state.finishedAt !== null;
}

export function openTasks(state: CaseState): readonly Task[] {
  const activity = state.activity;
  if (activity?.kind === 'review') return [activity.task];
  if (activity?.kind !== 'joint') return [];
  return activity.participants.flatMap((participant) => (participant.status === 'deciding' ? [participant.task] : []));
}

export function runningTimers(state: CaseState): readonly string[] {
  return state.activity?.kind === 'timer' ? [state.activity.timerId] : [];
}

/** The id of the rule evaluation the case waits for, if any. */
export function pendingEvaluation(state: CaseState): string | null {
  const activity = state.activity;
  return activity?.kind === 'auto' || activity?.kind === 'routing' ? activity.evaluationId : null;
}

/** The notice the applicant has to answer, if any (`correction` of `GET /api/cases/:id`). */
export function openCorrection(state: CaseState): CorrectionNotice | null {
  const activity = state.activity;
  if (activity?.kind === 'correction') return activity.notice;
  return activity?.kind === 'joint' ? activity.notice : null;
}

/** `currentSteps` of `GET /api/cases/:id`. */
export function currentSteps(state: CaseState): readonly string[] {
  return state.activity ? [state.activity.stepId] : [];
}

/** The status an unfinished case shows, derived so that it cannot disagree with the activity. */
export function openStatus(state: CaseState): CaseStatus {
  if (openCorrection(state)) return 'awaiting_correction';
  if (state.activity?.kind === 'timer' && state.clock === 'paused') return 'paused';
  if (state.acceptedAt === null) return 'submitted';
  return state.progressedSinceAcceptance ? 'in_review' : 'accepted';
}
