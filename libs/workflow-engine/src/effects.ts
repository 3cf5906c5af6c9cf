import type { Duration, EndStatus, Join, Sla, TaskAction } from './definition.js';
import type { CorrectionNotice, Task } from './state.js';

/** A task to put in a department's queue. */
export interface TaskOpening {
  readonly task: Task;
  readonly sla?: Sla;
  readonly allowedActions: readonly TaskAction[];
}

export type ClockReason = 'correction' | 'timer';

export type Notification =
  | { readonly template: 'case_accepted'; readonly data: Record<string, never> }
  | { readonly template: 'correction_requested'; readonly data: CorrectionNotice }
  | { readonly template: 'case_finished'; readonly data: { readonly status: EndStatus } };

/** What the shell must carry out, in order, in the same transaction as the new state. */
export type Effect =
  | ({ readonly type: 'open_task' } & TaskOpening)
  | { readonly type: 'complete_task'; readonly taskId: string; readonly action: TaskAction }
  | { readonly type: 'cancel_task'; readonly taskId: string; readonly reason: 'joint_decided' | 'withdrawn' }
  /** Opens one task per participant of a joint step, through the joint-approval queue. */
  | {
      readonly type: 'enqueue_joint_fan_out';
      readonly stepId: string;
      readonly join: Join;
      readonly tasks: readonly TaskOpening[];
    }
  /** Evaluate `expression` for the case and answer with `rule_evaluated { evaluationId, result }`. */
  | {
      readonly type: 'evaluate_rule';
      readonly evaluationId: string;
      readonly stepId: string;
      readonly purpose: 'auto' | 'route';
      readonly expression: string;
    }
  /** Answer with `timer_fired { timerId }` once `duration` has passed. */
  | { readonly type: 'start_timer'; readonly timerId: string; readonly stepId: string; readonly duration: Duration }
  | { readonly type: 'cancel_timer'; readonly timerId: string }
  /** The statutory and promised clocks start at acceptance. */
  | { readonly type: 'start_clock'; readonly at: string }
  | { readonly type: 'pause_clock'; readonly reason: ClockReason; readonly stepId: string; readonly at: string }
  | { readonly type: 'resume_clock'; readonly reason: ClockReason; readonly stepId: string; readonly at: string }
  | { readonly type: 'issue_certificate'; readonly stepId: string; readonly at: string }
  | ({ readonly type: 'notify'; readonly whom: 'applicant' } & Notification)
  /** The case reached its final status; its clock stops (closing any pause). */
  | { readonly type: 'finish_case'; readonly status: EndStatus; readonly at: string };

export type EffectType = Effect['type'];
