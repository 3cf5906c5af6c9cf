import type { WantedTimer } from '../timers/timer-plan.js';

/** The timers of one case in the `timer` table: each fires the case's risk check at its moment. */
export const CASE_RISK_TIMER = 'case-risk-check';

/** What of an open case decides when its flags change with time alone. */
export interface CaseTimerFacts {
  finished: boolean;
  clockPaused: boolean;
  /** A bundle's parent case has no item, and never stalls on its own. */
  hasServiceItem: boolean;
  lastEventAt: Date;
  statutoryDeadline: Date | null;
  promisedDeadline: Date | null;
  materialsOwed: ReadonlyArray<{ key: string; dueAt: string | null; deliveredAt: string | null }>;
  openTasks: ReadonlyArray<{ id: string; dueAt: Date | null; createdAt: Date; claimed: boolean }>;
}

/** The working-time arithmetic the detectors use (WorkingTime). */
export interface WorkingHours {
  plusHours(at: Date, hours: number): Date;
  minusHours(at: Date, hours: number): Date;
}

export interface CaseTimerThresholds {
  unclaimedHours: number;
  stalledHours: number;
  /** Working days before a deadline at which it turns yellow. */
  yellowRemainingDays: number;
}

/** An office day has 8 working hours (09:00–17:00). */
const HOURS_PER_DAY = 8;

/**
 * Every moment at which a detector's answer for this case can change with time alone (电子监察 SLA and
 * deadline checks): a task's SLA running out (and turning yellow before), the statutory and promised
 * deadlines (and their yellow), a 容缺 material due, a task left unclaimed, the case stalling. Each is a
 * timer in PostgreSQL that runs the case's risk check at that moment, so the flag appears on time even
 * when the queue backend lost its delayed jobs. The yellow moments come at the opening of the
 * working day the scan's rule makes yellow, never earlier than it (at most a night or a weekend later;
 * the scheduled scan still looks).
 * A moment the calendar cannot place (beyond its horizon) is left to the scheduled scan.
 */
export function caseTimerMoments(facts: CaseTimerFacts, thresholds: CaseTimerThresholds, working: WorkingHours): WantedTimer[] {
  if (facts.finished) return [];
  const wanted: WantedTimer[] = [];
  const add = (key: string, at: () => Date) => {
    try {
      wanted.push({ key, dueAt: at() });
    } catch {
      // Beyond the calendar's horizon: the scheduled scan answers for it.
    }
  };
  // Yellow from the working day before the last `yellowRemainingDays` ones: its opening, a night (or a
  // weekend) after the scan's own rule turns it, never before.
  const yellowHours = (thresholds.yellowRemainingDays + 1) * HOURS_PER_DAY;
  for (const task of facts.openTasks) {
    if (task.dueAt) {
      const due = task.dueAt;
      add(`task:${task.id}:due`, () => due);
      if (thresholds.yellowRemainingDays >= 0) add(`task:${task.id}:yellow`, () => working.minusHours(due, yellowHours));
    }
    if (!task.claimed) add(`task:${task.id}:unclaimed`, () => working.plusHours(task.createdAt, thresholds.unclaimedHours));
  }
  // A paused clock's stored deadlines are stale (they move when it resumes, and the case changes then).
  if (!facts.clockPaused) {
    for (const [which, due] of [['statutory', facts.statutoryDeadline], ['promised', facts.promisedDeadline]] as const) {
      if (!due) continue;
      add(`deadline:${which}`, () => due);
      if (thresholds.yellowRemainingDays >= 0) add(`deadline:${which}:yellow`, () => working.minusHours(due, yellowHours));
    }
    if (facts.hasServiceItem) add('stalled', () => working.plusHours(facts.lastEventAt, thresholds.stalledHours));
  }
  for (const owed of facts.materialsOwed) {
    if (owed.deliveredAt || !owed.dueAt) continue;
    const due = new Date(owed.dueAt);
    if (!Number.isNaN(due.getTime())) add(`material:${owed.key}`, () => due);
  }
  return wanted;
}
