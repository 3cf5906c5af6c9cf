import type { ClockReason } from './effects.js';
import type { Transition } from './transition.js';

/** Acceptance (受理) starts the statutory and promised clocks, once. */
export function accept(t: Transition): void {
  if (t.state.acceptedAt !== null) return;
  t.update({ acceptedAt: t.at, clock: 'running' });
  t.emit({ type: 'start_clock', at: t.at }, { type: 'notify', whom: 'applicant', template: 'case_accepted', data: {} });
}

/** Before acceptance there is no clock to pause: the limits only run from acceptance. */
export function pauseClock(t: Transition, reason: ClockReason, stepId: string): void {
  if (t.state.clock !== 'running') return;
  t.update({ clock: 'paused' });
  t.emit({ type: 'pause_clock', reason, stepId, at: t.at });
}

export function resumeClock(t: Transition, reason: ClockReason, stepId: string): void {
  if (t.state.clock !== 'paused') return;
  t.update({ clock: 'running' });
  t.emit({ type: 'resume_clock', reason, stepId, at: t.at });
}
