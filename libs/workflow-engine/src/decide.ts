import { actionsOf } from './actions.js';
import { accept, resumeClock } from './clock.js';
import type { WorkflowDefinition } from './definition.js';
import type { Effect } from './effects.js';
import { engineError, type EngineError } from './engine-error.js';
import type { CaseEvent, CaseEventType, TaskEvent } from './events.js';
import { answerJointCorrection, decideJoint } from './joint-step.js';
import { continueRouting, enter, finish, follow } from './routing.js';
import { decideReview } from './review-step.js';
import { isFinished, openTasks, runningTimers, type CaseState } from './state.js';
import { DefinitionFault, Transition } from './transition.js';

export type Decision =
  | { readonly ok: true; readonly state: CaseState; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly error: EngineError };

/** Keyed by type so that an event type added to the union but not here fails to compile. */
const EVENT_TYPES = new Set(
  Object.keys({
    submit: true,
    accept: true,
    refuse: true,
    approve: true,
    reject: true,
    correction: true,
    transfer: true,
    correction_answered: true,
    withdraw: true,
    timer_fired: true,
    rule_evaluated: true,
  } satisfies Record<CaseEventType, true>),
);

/**
 * The whole engine: the next state of a case and the effects the shell must carry out.
 * Pure: no I/O, no clock, no randomness; ids come from a counter in the state and times
 * from the event. A refused event returns a typed error and changes nothing. `state` is
 * `null` only for `submit`.
 */
export function decide(definition: WorkflowDefinition, state: CaseState | null, event: CaseEvent): Decision {
  if (!EVENT_TYPES.has(event.type)) return refused('engine.unknown_event', `unknown event type ${String(event.type)}`);
  if (typeof event.at !== 'string') return refused('engine.invalid_event', 'an event needs the time it happened (at)');
  if (state && isFinished(state)) return refused('engine.case_finished', `the case is finished (${state.status})`);
  if (event.type === 'submit') {
    if (state) return refused('engine.already_submitted', 'the case was already submitted');
    return run(definition, initialState(event.caseId, event.at), event);
  }
  if (!state) return refused('engine.not_submitted', 'the case has not been submitted');
  return run(definition, state, event);
}

function run(definition: WorkflowDefinition, state: CaseState, event: CaseEvent): Decision {
  const t = new Transition(definition, state, event.at);
  try {
    const error = apply(t, event);
    if (error) return { ok: false, error };
  } catch (fault) {
    if (fault instanceof DefinitionFault) return refused('engine.definition_invalid', fault.message);
    throw fault;
  }
  // Any event after acceptance means review has begun (accepted -> in_review).
  if (state.acceptedAt !== null) t.update({ progressedSinceAcceptance: true });
  return { ok: true, ...t.result() };
}

function apply(t: Transition, event: CaseEvent): EngineError | undefined {
  switch (event.type) {
    case 'submit':
      return submit(t);
    case 'accept':
    case 'refuse':
    case 'approve':
    case 'reject':
    case 'correction':
    case 'transfer':
      return decideTask(t, event);
    case 'correction_answered':
      return answerCorrection(t);
    case 'withdraw':
      return withdraw(t);
    case 'timer_fired':
      return fireTimer(t, event.timerId);
    case 'rule_evaluated':
      return ruleEvaluated(t, event.evaluationId, event.result);
  }
}

function initialState(caseId: string, at: string): CaseState {
  return {
    caseId,
    status: 'submitted',
    submittedAt: at,
    acceptedAt: null,
    finishedAt: null,
    progressedSinceAcceptance: false,
    clock: 'not_started',
    correctionRounds: 0,
    activity: null,
    sequence: 0,
  };
}

/** A definition whose first step offers no `accept` (say, an instant 秒批) accepts on submission. */
function submit(t: Transition): undefined {
  const first = t.definition.steps[0];
  if (!first) throw new DefinitionFault('the definition has no steps');
  if (!actionsOf(first).includes('accept')) accept(t);
  enter(t, first);
  return undefined;
}

function decideTask(t: Transition, event: TaskEvent): EngineError | undefined {
  const task = openTasks(t.state).find((candidate) => candidate.id === event.taskId);
  if (!task) return engineError('engine.task_not_open', `task ${String(event.taskId)} is not open`);
  const activity = t.state.activity;
  return activity?.kind === 'joint' ? decideJoint(t, activity, task, event) : decideReview(t, task, event);
}

function answerCorrection(t: Transition): EngineError | undefined {
  const activity = t.state.activity;
  if (activity?.kind === 'correction') {
    resumeClock(t, 'correction', activity.stepId);
    follow(t, activity.stepId, 'correction');
    return undefined;
  }
  if (activity?.kind === 'joint' && activity.notice) {
    answerJointCorrection(t, activity);
    return undefined;
  }
  return engineError('engine.no_correction_open', 'no correction notice is waiting for an answer');
}

/** Allowed until the case is finished; whatever is open is cancelled. */
function withdraw(t: Transition): undefined {
  for (const task of openTasks(t.state)) t.emit({ type: 'cancel_task', taskId: task.id, reason: 'withdrawn' });
  for (const timerId of runningTimers(t.state)) t.emit({ type: 'cancel_timer', timerId });
  finish(t, 'withdrawn');
  return undefined;
}

function fireTimer(t: Transition, timerId: string): EngineError | undefined {
  const activity = t.state.activity;
  if (activity?.kind !== 'timer' || activity.timerId !== timerId) {
    return engineError('engine.timer_not_running', `timer ${String(timerId)} is not running`);
  }
  resumeClock(t, 'timer', activity.stepId);
  follow(t, activity.stepId, 'done');
  return undefined;
}

function ruleEvaluated(t: Transition, evaluationId: string, result: boolean): EngineError | undefined {
  const activity = t.state.activity;
  if ((activity?.kind !== 'auto' && activity?.kind !== 'routing') || activity.evaluationId !== evaluationId) {
    return engineError('engine.evaluation_not_pending', `evaluation ${String(evaluationId)} is not pending`);
  }
  if (typeof result !== 'boolean') return engineError('engine.invalid_event', 'a rule evaluates to true or false');
  if (activity.kind === 'auto') follow(t, activity.stepId, String(result));
  else continueRouting(t, activity.stepId, activity.outcome, activity.branch, result);
  return undefined;
}

function refused(code: EngineError['code'], message: string): Decision {
  return { ok: false, error: engineError(code, message) };
}
