import { JOINT_ACTIONS, participantsFor } from './actions.js';
import { resumeClock } from './clock.js';
import { checkMissing, issueNotice } from './correction.js';
import type { TaskOpening } from './effects.js';
import { engineError, type EngineError } from './engine-error.js';
import type { TaskEvent } from './events.js';
import { combinedItems, joinVerdict, replaceParticipant, someoneDeciding } from './joint.js';
import { follow } from './routing.js';
import type { Activity, ParticipantProgress, Task } from './state.js';
import { DefinitionFault, type Transition } from './transition.js';

type JointActivity = Extract<Activity, { kind: 'joint' }>;

/** A participant's decision on its task in a joint step. */
export function decideJoint(t: Transition, activity: JointActivity, task: Task, event: TaskEvent): EngineError | undefined {
  const step = t.step(activity.stepId);
  if (step.type !== 'joint') throw new DefinitionFault(`step ${step.id} is not a joint step`);
  if (!JOINT_ACTIONS.includes(event.type)) {
    const allowed = JOINT_ACTIONS.join(', ');
    return engineError('engine.action_not_allowed', `${event.type} is not allowed in joint step ${step.id}; allowed: ${allowed}`);
  }

  let progress: ParticipantProgress;
  if (event.type === 'correction') {
    const invalid = checkMissing(event.missing);
    if (invalid) return invalid;
    progress = { department: task.department, status: 'awaiting_correction', missing: event.missing };
  } else {
    progress = { department: task.department, status: event.type === 'approve' ? 'approved' : 'rejected' };
  }
  t.emit({ type: 'complete_task', taskId: task.id, action: event.type });
  const participants = replaceParticipant(activity.participants, progress);

  const verdict = joinVerdict(step.join, participants);
  if (verdict) {
    for (const participant of participants) {
      if (participant.status !== 'deciding') continue;
      t.emit({ type: 'cancel_task', taskId: participant.task.id, reason: 'joint_decided' });
    }
    follow(t, step.id, verdict);
    return undefined;
  }
  // With no verdict and nobody deciding, someone must be waiting for corrections.
  const notice = someoneDeciding(participants) ? null : issueNotice(t, step.id, combinedItems(participants));
  t.update({ activity: { ...activity, participants, notice } });
  return undefined;
}

/** The applicant answered: every participant that asked for corrections gets a new task. */
export function answerJointCorrection(t: Transition, activity: JointActivity): void {
  const step = t.step(activity.stepId);
  if (step.type !== 'joint') throw new DefinitionFault(`step ${step.id} is not a joint step`);
  resumeClock(t, 'correction', step.id);
  const specs = participantsFor(step);
  const openings: TaskOpening[] = [];
  const participants = activity.participants.map((participant): ParticipantProgress => {
    if (participant.status !== 'awaiting_correction') return participant;
    const spec = specs.find((candidate) => candidate.department === participant.department);
    if (!spec) throw new DefinitionFault(`${participant.department} no longer takes part in step ${step.id}`);
    const task = t.newTask(step.id, spec.department, spec.role);
    openings.push({ task, ...(spec.sla ? { sla: spec.sla } : {}), allowedActions: JOINT_ACTIONS });
    return { department: participant.department, status: 'deciding', task };
  });
  t.update({ activity: { ...activity, participants, notice: null } });
  t.emit(...openings.map((opening) => ({ type: 'open_task' as const, ...opening })));
}
