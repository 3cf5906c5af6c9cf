import fc from 'fast-check';
import {
  END_STATUSES,
  TASK_ACTIONS,
  type Join,
  type Route,
  type Step,
  type StepType,
  type TaskAction,
  type WorkflowDefinition,
} from '../definition.js';
import { allowedActions } from '../actions.js';
import type { CaseEvent } from '../events.js';
import { openTasks, pendingEvaluation, runningTimers, type CaseState } from '../state.js';
import { DEPARTMENTS } from './fixtures.js';

/** Rules the fake checker accepts. */
const RULES = ['form.seats > 10', "applicant.creditLevel == 'A'", 'applicant.age >= 60', 'form.floorArea <= 200.0'];

const ENDS = END_STATUSES.map((status) => `end:${status}`);

/** Random choices for one step; `build` turns them into a step wired into the definition. */
const stepSeed = fc.record({
  // Human steps carry most of the logic worth exploring, so they come up more often.
  type: fc.constantFrom<StepType>('review', 'review', 'joint', 'joint', 'auto', 'timer', 'certificate'),
  picks: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
  branched: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  rules: fc.array(fc.constantFrom(...RULES), { minLength: 5, maxLength: 5 }),
  reviewActions: fc.subarray(['accept', 'refuse', 'approve', 'reject'] as const, { minLength: 1 }),
  correction: fc.boolean(),
  transferable: fc.boolean(),
  department: fc.constantFrom(...DEPARTMENTS),
  participants: fc.shuffledSubarray([...DEPARTMENTS], { minLength: 1, maxLength: 3 }),
  join: fc.oneof(fc.constant('all' as const), fc.constant('any' as const), fc.nat()),
  calendarDays: fc.boolean(),
  days: fc.integer({ min: 1, max: 30 }),
  pausesClock: fc.boolean(),
});
type StepSeed = typeof stepSeed extends fc.Arbitrary<infer T> ? T : never;

/**
 * Valid definitions by construction: outcomes only point forward (or to an end), and one
 * outcome of every step points to the next, so every step is reachable and every step
 * reaches an end. Corrections point back to the step itself or an earlier one.
 */
export const validDefinition: fc.Arbitrary<WorkflowDefinition> = fc
  .array(stepSeed, { minLength: 1, maxLength: 7 })
  .map((seeds) => ({ key: 'generated', name: 'generated', steps: seeds.map((seed, index) => build(seed, index, seeds.length)) }));

function build(seed: StepSeed, index: number, count: number): Step {
  const id = `s${index}`;
  const forward = [...Array.from({ length: count - index - 1 }, (_, offset) => `s${index + 1 + offset}`), ...ENDS];
  const next = index + 1 < count ? `s${index + 1}` : ENDS[seed.picks[0]! % ENDS.length]!;
  let pick = 1;
  const anyForward = () => forward[seed.picks[pick++ % seed.picks.length]! % forward.length]!;
  let route = 0;
  // The chosen target stays the default, so branching never costs reachability.
  const routeTo = (target: string): Route => {
    const slot = route++;
    return seed.branched[slot] ? [{ when: seed.rules[slot]!, to: anyForward() }, { to: target }] : target;
  };

  switch (seed.type) {
    case 'review': {
      const [first, ...others] = seed.reviewActions;
      const outcomes: Record<string, Route> = { [first!]: routeTo(next) };
      for (const action of others) outcomes[action] = routeTo(anyForward());
      if (seed.correction) outcomes['correction'] = `s${seed.picks[7]! % (index + 1)}`;
      return {
        id,
        type: 'review',
        queue: { department: seed.department, role: 'clerk' },
        ...(seed.transferable ? { transferable: true } : {}),
        outcomes,
      };
    }
    case 'auto':
      return { id, type: 'auto', rule: seed.rules[4]!, outcomes: { true: routeTo(next), false: routeTo(anyForward()) } };
    case 'joint': {
      const join: Join = typeof seed.join === 'number' ? { quorum: (seed.join % seed.participants.length) + 1 } : seed.join;
      const outcomes = { approve: routeTo(next), reject: routeTo(anyForward()) };
      return { id, type: 'joint', participants: seed.participants, join, outcomes };
    }
    case 'timer':
      return {
        id,
        type: 'timer',
        duration: seed.calendarDays ? { calendarDays: seed.days } : { workingDays: seed.days },
        pausesClock: seed.pausesClock,
        outcomes: { done: routeTo(next) },
      };
    case 'certificate':
      return { id, type: 'certificate', outcomes: { done: routeTo(next) } };
  }
}

/**
 * What to try next, resolved against the case's state when it is sent. Picks aim at open
 * tasks, the running timer and the pending evaluation, so most commands apply; stale ids,
 * wrong actions, repeated submits and unknown types make sure many do not.
 */
export type Command =
  /** Mostly one of the task's allowed actions; `wild` picks any action, allowed or not. */
  | { kind: 'task'; pick: number; choice: number; wild: boolean; toDepartment: string }
  | { kind: 'stale_task'; action: TaskAction }
  | { kind: 'rule'; result: boolean; stale: boolean }
  | { kind: 'timer'; stale: boolean }
  | { kind: 'answer' }
  | { kind: 'withdraw' }
  | { kind: 'submit' }
  | { kind: 'unknown' };

const rarely = fc.nat(9).map((n) => n === 0);

export const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 40,
    arbitrary: fc.record({
      kind: fc.constant('task' as const),
      pick: fc.nat(),
      choice: fc.nat(),
      wild: rarely,
      toDepartment: fc.constantFrom(...DEPARTMENTS),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('stale_task' as const), action: fc.constantFrom(...TASK_ACTIONS) }) },
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('rule' as const), result: fc.boolean(), stale: rarely }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('timer' as const), stale: rarely }) },
  { weight: 8, arbitrary: fc.constant({ kind: 'answer' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'withdraw' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'submit' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unknown' as const }) },
);

export function toEvent(definition: WorkflowDefinition, command: Command, state: CaseState, at: string): CaseEvent {
  switch (command.kind) {
    case 'task': {
      const tasks = openTasks(state);
      const task = tasks[command.pick % Math.max(tasks.length, 1)];
      const allowed = task ? allowedActions(definition, task.stepId) : [];
      const actions = command.wild || allowed.length === 0 ? TASK_ACTIONS : allowed;
      return taskEvent(actions[command.choice % actions.length]!, task?.id ?? 'no-open-task', command.toDepartment, at);
    }
    case 'stale_task':
      return taskEvent(command.action, `${state.caseId}:task:0`, 'tax', at);
    case 'rule':
      const evaluationId = command.stale ? 'stale' : (pendingEvaluation(state) ?? 'none');
      return { type: 'rule_evaluated', evaluationId, result: command.result, at };
    case 'timer':
      return { type: 'timer_fired', timerId: command.stale ? 'stale' : (runningTimers(state)[0] ?? 'none'), at };
    case 'answer':
      return { type: 'correction_answered', at };
    case 'withdraw':
      return { type: 'withdraw', at };
    case 'submit':
      return { type: 'submit', caseId: state.caseId, at };
    case 'unknown':
      return { type: 'escalate', at } as unknown as CaseEvent;
  }
}

function taskEvent(action: TaskAction, taskId: string, toDepartment: string, at: string): CaseEvent {
  if (action === 'correction') return { type: 'correction', taskId, missing: [{ key: 'material', reason: 'missing' }], at };
  if (action === 'transfer') return { type: 'transfer', taskId, toDepartment, at };
  return { type: action, taskId, at };
}
