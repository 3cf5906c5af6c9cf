import type { BusinessCalendar } from './business-calendar.js';
import type { BeyondHorizon, CalendarResult } from './calendar-result.js';
import { toEpochMs, type Instant } from './china-time.js';
import type { Clock } from './clock.js';
import type { LocalDate } from './local-date.js';

export interface Deadlines {
  /** End of office hours on the last working day: the work is due before this instant. */
  statutoryDeadline: string;
  promisedDeadline: string;
  /** Some day counted belongs to a year whose notice is not loaded yet. */
  provisional: boolean;
  /** While paused the deadlines keep moving: they are given as of the evaluation instant. */
  paused: boolean;
  pausedWorkingDays: number;
  extendedWorkingDays: number;
}

export type ClockStatus = 'green' | 'yellow' | 'red';

export interface StatusThresholds {
  /** Yellow once this many working days or fewer are left after the current one. */
  yellowRemainingDays: number;
  /** Yellow once this share of the limit is used. */
  yellowUsedRatio: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { yellowRemainingDays: 1, yellowUsedRatio: 0.8 };

export interface ClockReading {
  status: ClockStatus;
  /** Working days counted against the limit, the current one included. */
  usedWorkingDays: number;
  /** Working days left after the current one against the shorter limit; negative when overdue. */
  remainingWorkingDays: number;
  provisional: boolean;
}

/**
 * Both deadlines, moved by the working days spent paused and by extensions. Events after `at`
 * are ignored, and an open pause counts up to `at`; without `at` the clock is read as of its
 * last event.
 */
export function deadlines(clock: Clock, calendar: BusinessCalendar, at?: Instant): CalendarResult<Deadlines> {
  const replayed = replay(clock, calendar, at);
  if (!replayed.ok) return replayed;
  const { anchor, pausedWorkingDays, extendedWorkingDays } = replayed;
  const shift = pausedWorkingDays + extendedWorkingDays;
  const statutory = calendar.addWorkingDays(anchor, clock.statutoryDays + shift);
  if (!statutory.ok) return statutory;
  const promised = calendar.addWorkingDays(anchor, clock.promisedDays + shift);
  if (!promised.ok) return promised;
  return {
    ok: true,
    statutoryDeadline: calendar.endOfOfficeHours(statutory.date),
    promisedDeadline: calendar.endOfOfficeHours(promised.date),
    provisional: replayed.provisional || statutory.provisional || promised.provisional,
    paused: replayed.paused,
    pausedWorkingDays,
    extendedWorkingDays,
  };
}

/**
 * Green, yellow or red at `at`, against the shorter of the two limits. Red once the deadline
 * has passed; yellow when few working days are left or most of the limit is used. Needs the
 * calendar only up to `at`, so it answers even when the deadline lies beyond the horizon.
 */
export function status(
  clock: Clock,
  calendar: BusinessCalendar,
  at: Instant,
  thresholds: Partial<StatusThresholds> = {},
): CalendarResult<ClockReading> {
  const { yellowRemainingDays, yellowUsedRatio } = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const replayed = replay(clock, calendar, at);
  if (!replayed.ok) return replayed;
  const elapsed = calendar.elapsedWorkingDays(clock.acceptedAt, at);
  if (!elapsed.ok) return elapsed;

  const limit = Math.min(clock.statutoryDays, clock.promisedDays) + replayed.extendedWorkingDays;
  const used = elapsed.days - replayed.pausedWorkingDays;
  const remaining = limit - used;
  const reading: ClockStatus =
    remaining < 0 ? 'red' : remaining <= yellowRemainingDays || used >= yellowUsedRatio * limit ? 'yellow' : 'green';
  return {
    ok: true,
    status: reading,
    usedWorkingDays: used,
    remainingWorkingDays: remaining,
    provisional: replayed.provisional || elapsed.provisional,
  };
}

interface Replayed {
  ok: true;
  /** The working day the case counts as accepted on; counting starts the working day after. */
  anchor: LocalDate;
  pausedWorkingDays: number;
  extendedWorkingDays: number;
  paused: boolean;
  provisional: boolean;
}

function replay(clock: Clock, calendar: BusinessCalendar, at: Instant | undefined): Replayed | BeyondHorizon {
  const accepted = calendar.workingDayOf(clock.acceptedAt);
  if (!accepted.ok) return accepted;
  const atMs = at === undefined ? Infinity : toEpochMs(at);
  const pauses: [from: Instant, to: Instant][] = [];
  let pausedAt: string | null = null;
  let extendedWorkingDays = 0;
  for (const event of clock.events.filter((e) => toEpochMs(e.at) <= atMs)) {
    if (event.type === 'paused') pausedAt = event.at;
    if (event.type === 'resumed' && pausedAt !== null) {
      pauses.push([pausedAt, event.at]);
      pausedAt = null;
    }
    if (event.type === 'extended') extendedWorkingDays += event.workingDays;
  }
  if (pausedAt !== null && at !== undefined) pauses.push([pausedAt, at]);

  let pausedWorkingDays = 0;
  let provisional = accepted.provisional;
  for (const [from, to] of pauses) {
    const spent = calendar.elapsedWorkingDays(from, to);
    if (!spent.ok) return spent;
    pausedWorkingDays += spent.days;
    provisional ||= spent.provisional;
  }
  return {
    ok: true,
    anchor: accepted.date,
    pausedWorkingDays,
    extendedWorkingDays,
    paused: pausedAt !== null,
    provisional,
  };
}
