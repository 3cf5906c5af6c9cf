import { decide, type Decision } from '../decide.js';
import type { WorkflowDefinition } from '../definition.js';
import type { Effect } from '../effects.js';
import type { CaseEvent } from '../events.js';
import { openTasks, type CaseState, type Task } from '../state.js';

type Untimed<E> = E extends unknown ? Omit<E, 'at'> : never;

/** Drives one case through `decide` the way the shell would, with a ticking clock. */
export class CaseRun {
  state: CaseState | null = null;
  private tick = 0;

  constructor(readonly definition: WorkflowDefinition) {}

  /** Sends an event that must be accepted; returns its effects. */
  send(event: Untimed<CaseEvent>): readonly Effect[] {
    const decision = this.attempt(event);
    if (!decision.ok) throw new Error(`${event.type} refused: ${decision.error.code} ${decision.error.message}`);
    return decision.effects;
  }

  /** Sends an event that may be refused; the state moves only if it was accepted. */
  attempt(event: Untimed<CaseEvent>): Decision {
    this.tick += 1;
    const decision = decide(this.definition, this.state, { ...event, at: this.now() } as CaseEvent);
    if (decision.ok) this.state = decision.state;
    return decision;
  }

  now(): string {
    return new Date(Date.UTC(2026, 2, 2, 8) + this.tick * 3_600_000).toISOString();
  }

  get current(): CaseState {
    if (!this.state) throw new Error('the case was not submitted');
    return this.state;
  }

  task(department?: string): Task {
    const task = openTasks(this.current).find((candidate) => department === undefined || candidate.department === department);
    if (!task) throw new Error(`no open task${department ? ` for ${department}` : ''}`);
    return task;
  }
}

export function effectTypes(effects: readonly Effect[]): string[] {
  return effects.map((effect) => effect.type);
}

export function effectOf<T extends Effect['type']>(effects: readonly Effect[], type: T): Extract<Effect, { type: T }> {
  const found = effects.find((effect): effect is Extract<Effect, { type: T }> => effect.type === type);
  if (!found) throw new Error(`no ${type} effect among ${effectTypes(effects).join(', ')}`);
  return found;
}
