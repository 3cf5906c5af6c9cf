import { JOINT_ACTIONS, actionsOf, participantsFor } from './actions.js';
import { pauseClock } from './clock.js';
import { branchesOf, resolveTarget, type Branch, type EndStatus, type Route, type Step, type Target } from './definition.js';
import type { ParticipantProgress } from './state.js';
import { DefinitionFault, type Transition } from './transition.js';

/** Leaves the current step by `outcome`, which the step's definition routes. */
export function follow(t: Transition, stepId: string, outcome: string): void {
  t.update({ activity: null });
  tryBranch(t, stepId, outcome, 0);
}

/**
 * Branches are tried in order. A `when` is evaluated outside `decide`: the case waits for
 * `rule_evaluated`, which lands in `continueRouting`.
 */
function tryBranch(t: Transition, stepId: string, outcome: string, index: number): void {
  const branch = branchOf(t.step(stepId), outcome, index);
  if (branch.when === undefined) {
    goTo(t, branch.to);
    return;
  }
  const evaluationId = t.newId('rule');
  t.update({ activity: { kind: 'routing', stepId, outcome, branch: index, evaluationId } });
  t.emit({ type: 'evaluate_rule', evaluationId, stepId, purpose: 'route', expression: branch.when });
}

export function continueRouting(t: Transition, stepId: string, outcome: string, index: number, holds: boolean): void {
  t.update({ activity: null });
  if (holds) goTo(t, branchOf(t.step(stepId), outcome, index).to);
  else tryBranch(t, stepId, outcome, index + 1);
}

function branchOf(step: Step, outcome: string, index: number): Branch {
  const route = (step.outcomes as Readonly<Record<string, Route | undefined>>)[outcome];
  const branch = route === undefined ? undefined : branchesOf(route)[index];
  if (!branch) throw new DefinitionFault(`step ${step.id} has no route for ${outcome}`);
  return branch;
}

function goTo(t: Transition, target: Target): void {
  const resolved = resolveTarget(target);
  if (!resolved) throw new DefinitionFault(`${target} is not a valid end`);
  if (resolved.kind === 'end') finish(t, resolved.status);
  else enter(t, t.step(resolved.stepId));
}

export function enter(t: Transition, step: Step): void {
  t.entering(step);
  switch (step.type) {
    case 'review': {
      const task = t.newTask(step.id, step.queue.department, step.queue.role);
      t.update({ activity: { kind: 'review', stepId: step.id, task } });
      t.emit({ type: 'open_task', task, ...(step.sla ? { sla: step.sla } : {}), allowedActions: actionsOf(step) });
      return;
    }
    case 'auto': {
      const evaluationId = t.newId('rule');
      t.update({ activity: { kind: 'auto', stepId: step.id, evaluationId } });
      t.emit({ type: 'evaluate_rule', evaluationId, stepId: step.id, purpose: 'auto', expression: step.rule });
      return;
    }
    case 'joint': {
      const openings = participantsFor(step).map(({ department, role, sla }) => ({
        task: t.newTask(step.id, department, role),
        ...(sla ? { sla } : {}),
        allowedActions: JOINT_ACTIONS,
      }));
      const participants = openings.map(
        ({ task }): ParticipantProgress => ({ department: task.department, status: 'deciding', task }),
      );
      t.update({ activity: { kind: 'joint', stepId: step.id, participants, notice: null } });
      t.emit({ type: 'enqueue_joint_fan_out', stepId: step.id, join: step.join, tasks: openings });
      return;
    }
    case 'timer': {
      const timerId = t.newId('timer');
      t.update({ activity: { kind: 'timer', stepId: step.id, timerId } });
      t.emit({ type: 'start_timer', timerId, stepId: step.id, duration: step.duration });
      if (step.pausesClock) pauseClock(t, 'timer', step.id);
      return;
    }
    case 'certificate':
      t.emit({ type: 'issue_certificate', stepId: step.id, at: t.at });
      follow(t, step.id, 'done');
      return;
  }
}

/** Callers cancel the tasks and timers of the step they leave before the case finishes. */
export function finish(t: Transition, status: EndStatus): void {
  t.update({ activity: null, status, clock: 'stopped', finishedAt: t.at });
  t.emit(
    { type: 'finish_case', status, at: t.at },
    { type: 'notify', whom: 'applicant', template: 'case_finished', data: { status } },
  );
}
