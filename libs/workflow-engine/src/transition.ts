import { findStep, type Step, type WorkflowDefinition } from './definition.js';
import type { Effect } from './effects.js';
import { openStatus, type CaseState, type Task } from './state.js';

/** The definition cannot be followed (a target or outcome is missing): it was not validated. */
export class DefinitionFault extends Error {}

/**
 * One event's worth of change: a private copy of the state and the effects so far. The
 * caller's state is never touched, so an event that fails halfway leaves nothing behind.
 */
export class Transition {
  private current: CaseState;
  private readonly emitted: Effect[] = [];
  private stepsEntered = 0;

  constructor(
    readonly definition: WorkflowDefinition,
    state: CaseState,
    readonly at: string,
  ) {
    this.current = state;
  }

  get state(): CaseState {
    return this.current;
  }

  update(patch: Partial<CaseState>): void {
    this.current = { ...this.current, ...patch };
  }

  emit(...effects: Effect[]): void {
    this.emitted.push(...effects);
  }

  step(stepId: string): Step {
    const step = findStep(this.definition, stepId);
    if (!step) throw new DefinitionFault(`no step has the id ${stepId}`);
    return step;
  }

  /**
   * Only certificate steps move on without waiting, so entering more steps than the
   * definition has in one event means a loop of them that would never stop.
   */
  entering(step: Step): void {
    this.stepsEntered += 1;
    if (this.stepsEntered > this.definition.steps.length) {
      throw new DefinitionFault(`step ${step.id} is part of a loop that never waits`);
    }
  }

  newId(kind: 'task' | 'timer' | 'rule'): string {
    const sequence = this.current.sequence + 1;
    this.update({ sequence });
    return `${this.current.caseId}:${kind}:${sequence}`;
  }

  newTask(stepId: string, department: string, role: string): Task {
    return { id: this.newId('task'), stepId, department, role };
  }

  result(): { state: CaseState; effects: readonly Effect[] } {
    const state = this.current.activity ? { ...this.current, status: openStatus(this.current) } : this.current;
    return { state, effects: this.emitted };
  }
}
