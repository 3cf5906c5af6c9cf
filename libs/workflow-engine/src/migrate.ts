import { actionsOf } from './actions.js';
import { findStep, type StepType, type WorkflowDefinition } from './definition.js';
import type { TaskOpening } from './effects.js';
import { isFinished, openStatus, type Activity, type CaseState } from './state.js';

/** Which step of the old version becomes which step of the new one: `{ <old step id>: <new step id> }`. */
export type StepMapping = Readonly<Record<string, string>>;

export type MappingProblemCode = 'migration.unknown_source_step' | 'migration.unknown_target_step' | 'migration.incompatible_step';

/** A mapping that can never be carried out, whatever cases there are (the request is refused as a whole). */
export interface MappingProblem {
  readonly path: string;
  readonly code: MappingProblemCode;
  readonly message: string;
}

/**
 * Why one case cannot move (the others still may):
 * - `step_unmapped`: the mapping names no target for the case's current step;
 * - `joint_in_flight`: a 联办 step is fanned out, its participants decide in parallel — moving it would
 *   lose or duplicate their votes, so it moves once the join has decided;
 * - `evaluation_pending`: a rule (秒批 or routing) is out for evaluation; it moves after the rule answers;
 * - `no_correction_route`: the case waits for the applicant's correction and the target step routes no
 *   `correction` answer;
 * - `case_finished`: nothing to move.
 */
export type MoveRefusalCode =
  | 'migration.step_unmapped'
  | 'migration.joint_in_flight'
  | 'migration.evaluation_pending'
  | 'migration.no_correction_route'
  | 'migration.case_finished';

export type CaseMove =
  | {
      readonly ok: true;
      readonly state: CaseState;
      readonly fromStep: string;
      readonly toStep: string;
      /** Tasks of the old step to cancel, and the target step's to open (a review task moves by being reopened). */
      readonly cancelTasks: readonly string[];
      readonly openTasks: readonly TaskOpening[];
    }
  | { readonly ok: false; readonly code: MoveRefusalCode; readonly message: string; readonly fromStep: string | null; readonly toStep: string | null };

/** The step type a case waiting in an activity of this kind can be mapped to. */
const STEP_OF_ACTIVITY: Record<Activity['kind'], StepType> = {
  review: 'review',
  correction: 'review',
  auto: 'auto',
  routing: 'auto',
  joint: 'joint',
  timer: 'timer',
};

/** Where a case can wait: only these step types can be mapped (auto and certificate steps are passed through at once or wait for a rule). */
const WAITING_TYPES: readonly StepType[] = ['review', 'timer', 'joint'];

/**
 * Checks a mapping against both versions: every source step exists in `from`, every target in `to`, and a
 * step where a case waits for a person maps to one where it waits the same way (review → review,
 * timer → timer, joint → joint). Paths are `stepMapping.<source>`.
 */
export function checkStepMapping(from: WorkflowDefinition, to: WorkflowDefinition, mapping: StepMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  for (const [source, target] of Object.entries(mapping)) {
    const path = `stepMapping.${source}`;
    const sourceStep = findStep(from, source);
    const targetStep = typeof target === 'string' ? findStep(to, target) : undefined;
    if (!sourceStep) problems.push({ path, code: 'migration.unknown_source_step', message: `version being left has no step "${source}"` });
    if (!targetStep) problems.push({ path, code: 'migration.unknown_target_step', message: `the target version has no step "${String(target)}"` });
    if (!sourceStep || !targetStep) continue;
    if (!WAITING_TYPES.includes(sourceStep.type) || sourceStep.type !== targetStep.type) {
      problems.push({ path, code: 'migration.incompatible_step', message: `a ${sourceStep.type} step cannot become a ${targetStep.type} step: map a review step to a review step, a timer to a timer` });
    }
  }
  return problems;
}

/**
 * The state of an open case moved to another definition version by `mapping` (checked with
 * `checkStepMapping` first). Pure: the case's counters give the new task ids. A review task is cancelled
 * and the target step's task opened (the target's queue, SLA and actions); a correction notice and a
 * running timer stay as they are, now belonging to the target step.
 */
export function migrateCase(state: CaseState, to: WorkflowDefinition, mapping: StepMapping): CaseMove {
  const activity = state.activity;
  const fromStep = activity?.stepId ?? null;
  const refuse = (code: MoveRefusalCode, message: string, toStep: string | null = null): CaseMove => ({ ok: false, code, message, fromStep, toStep });
  if (isFinished(state) || !activity) return refuse('migration.case_finished', `the case is finished (${state.status})`);
  const toStep = Object.hasOwn(mapping, activity.stepId) ? mapping[activity.stepId]! : null;
  if (toStep === null) return refuse('migration.step_unmapped', `the mapping names no target for step "${activity.stepId}", where the case is`);
  if (activity.kind === 'joint') return refuse('migration.joint_in_flight', `the 联办 step "${activity.stepId}" is deciding in parallel; move the case after the join has decided`, toStep);
  if (activity.kind === 'auto' || activity.kind === 'routing') return refuse('migration.evaluation_pending', `a rule of step "${activity.stepId}" is being evaluated; try again in a moment`, toStep);
  const target = findStep(to, toStep);
  if (!target || target.type !== STEP_OF_ACTIVITY[activity.kind]) {
    return refuse('migration.step_unmapped', `step "${toStep}" of the target version cannot take a case waiting at a ${activity.kind} step`, toStep);
  }
  const moved = (next: Activity, cancelTasks: string[], openTasks: TaskOpening[], sequence = state.sequence): CaseMove => {
    const candidate: CaseState = { ...state, activity: next, sequence };
    return { ok: true, state: { ...candidate, status: openStatus(candidate) }, fromStep: activity.stepId, toStep, cancelTasks, openTasks };
  };
  switch (activity.kind) {
    case 'review': {
      if (target.type !== 'review') break;
      const sequence = state.sequence + 1;
      const task = { id: `${state.caseId}:task:${sequence}`, stepId: target.id, department: target.queue.department, role: target.queue.role };
      const opening: TaskOpening = { task, ...(target.sla ? { sla: target.sla } : {}), allowedActions: actionsOf(target) };
      return moved({ kind: 'review', stepId: target.id, task }, [activity.task.id], [opening], sequence);
    }
    case 'correction':
      if (target.type !== 'review' || target.outcomes.correction === undefined) {
        return refuse('migration.no_correction_route', `the case waits for the applicant's correction and step "${toStep}" routes no correction answer`, toStep);
      }
      return moved({ ...activity, stepId: target.id }, [], []);
    case 'timer':
      return moved({ ...activity, stepId: target.id }, [], []);
  }
  return refuse('migration.step_unmapped', `step "${toStep}" cannot take this case`, toStep);
}
