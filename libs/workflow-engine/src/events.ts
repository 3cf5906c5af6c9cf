import type { MissingItem } from './state.js';

/** Every event carries the time it happened (ISO 8601): `decide` reads no clock. */
interface Timed {
  readonly at: string;
}

/** A clerk's decision on a task; in a joint step the task identifies the participant. */
export type TaskEvent =
  | (Timed & { readonly type: 'accept' | 'refuse' | 'approve' | 'reject'; readonly taskId: string })
  | (Timed & { readonly type: 'correction'; readonly taskId: string; readonly missing: readonly MissingItem[] })
  | (Timed & { readonly type: 'transfer'; readonly taskId: string; readonly toDepartment: string });

export type CaseEvent =
  | (Timed & { readonly type: 'submit'; readonly caseId: string })
  | TaskEvent
  /** The applicant answered the open correction notice. */
  | (Timed & { readonly type: 'correction_answered' })
  | (Timed & { readonly type: 'withdraw' })
  | (Timed & { readonly type: 'timer_fired'; readonly timerId: string })
  /** The shell evaluated the rule of an `evaluate_rule` effect. */
  | (Timed & { readonly type: 'rule_evaluated'; readonly evaluationId: string; readonly result: boolean });

export type CaseEventType = CaseEvent['type'];
