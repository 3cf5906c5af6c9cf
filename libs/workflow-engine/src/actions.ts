import {
  STEP_OUTCOMES,
  findStep,
  type Sla,
  type Step,
  type TaskAction,
  type WorkflowDefinition,
} from './definition.js';

/** Every participant of a joint step can ask the applicant for corrections (see joint.ts). */
export const JOINT_ACTIONS: readonly TaskAction[] = ['approve', 'reject', 'correction'];

/** Role given to joint participants' tasks when neither the step nor the participant names one. */
export const DEFAULT_JOINT_ROLE = 'reviewer';

/** The actions a clerk may take on a task at `stepId`; none for steps no human works. */
export function allowedActions(definition: WorkflowDefinition, stepId: string): readonly TaskAction[] {
  const step = findStep(definition, stepId);
  return step ? actionsOf(step) : [];
}

export function actionsOf(step: Step): readonly TaskAction[] {
  switch (step.type) {
    case 'review': {
      const routed = STEP_OUTCOMES.review.filter((outcome) => step.outcomes[outcome] !== undefined);
      return step.transferable ? [...routed, 'transfer'] : routed;
    }
    case 'joint':
      return JOINT_ACTIONS;
    case 'auto':
    case 'timer':
    case 'certificate':
      return [];
  }
}

export interface Participant {
  readonly department: string;
  readonly role: string;
  readonly sla?: Sla;
}

/** The departments (with role and SLA) whose queues receive tasks at a step. */
export function participantsFor(step: Step): readonly Participant[] {
  switch (step.type) {
    case 'review':
      return [{ ...step.queue, ...(step.sla ? { sla: step.sla } : {}) }];
    case 'joint':
      return step.participants.map((entry) => {
        const participant = typeof entry === 'string' ? { department: entry } : entry;
        const sla = participant.sla ?? step.sla;
        return {
          department: participant.department,
          role: participant.role ?? step.role ?? DEFAULT_JOINT_ROLE,
          ...(sla ? { sla } : {}),
        };
      });
    case 'auto':
    case 'timer':
    case 'certificate':
      return [];
  }
}
