import { toEpochMs, toIsoString, type Instant } from './china-time.js';

export type ClockEvent =
  | { type: 'paused'; at: string; reason: string }
  | { type: 'resumed'; at: string }
  | { type: 'extended'; at: string; workingDays: number; approvedBy: string; reason: string };

/**
 * The time limits of a case, or of one step with its own SLA, as plain JSON for a jsonb column.
 * It records what happened, not dates: deadlines are worked out against a calendar when asked,
 * so loading a year's notice changes them without touching stored clocks.
 */
export interface Clock {
  acceptedAt: string;
  statutoryDays: number;
  promisedDays: number;
  events: ClockEvent[];
}

export interface ClockLimits {
  statutoryDays: number;
  /** The shorter limit promised to the applicant; a step's SLA needs only statutoryDays. */
  promisedDays?: number;
}

export interface Extension {
  workingDays: number;
  approvedBy: string;
  reason: string;
  at: Instant;
}

export interface ClockError {
  ok: false;
  code: 'clock.already_paused' | 'clock.not_paused' | 'clock.out_of_order' | 'clock.invalid_extension';
  message: string;
}

export type ClockResult = { ok: true; clock: Clock } | ClockError;

export function startClock(acceptedAt: Instant, { statutoryDays, promisedDays = statutoryDays }: ClockLimits): Clock {
  assertWholeDays('statutoryDays', statutoryDays);
  assertWholeDays('promisedDays', promisedDays);
  return { acceptedAt: toIsoString(acceptedAt), statutoryDays, promisedDays, events: [] };
}

export function isPaused(clock: Clock): boolean {
  return clock.events.findLast((event) => event.type !== 'extended')?.type === 'paused';
}

/** Stops both limits, e.g. while the applicant corrects the file (补正) or during a hearing. */
export function pause(clock: Clock, at: Instant, reason: string): ClockResult {
  if (isPaused(clock)) return failure('clock.already_paused', 'The clock is already paused');
  return append(clock, { type: 'paused', at: toIsoString(at), reason });
}

export function resume(clock: Clock, at: Instant): ClockResult {
  if (!isPaused(clock)) return failure('clock.not_paused', 'The clock is not paused');
  return append(clock, { type: 'resumed', at: toIsoString(at) });
}

/**
 * 延期 (行政许可法 §42): adds working days to both limits, because the applicant is told the
 * new date. Only with a recorded approval and reason.
 */
export function extend(clock: Clock, { workingDays, approvedBy, reason, at }: Extension): ClockResult {
  if (!Number.isInteger(workingDays) || workingDays <= 0) {
    return failure('clock.invalid_extension', 'An extension adds a whole number of working days, at least one');
  }
  if (approvedBy.trim() === '' || reason.trim() === '') {
    return failure('clock.invalid_extension', 'An extension needs the approver and the reason on record');
  }
  return append(clock, { type: 'extended', at: toIsoString(at), workingDays, approvedBy, reason });
}

function append(clock: Clock, event: ClockEvent): ClockResult {
  const latest = clock.events.at(-1)?.at ?? clock.acceptedAt;
  if (toEpochMs(event.at) < toEpochMs(latest)) {
    return failure('clock.out_of_order', `The clock's last event is at ${latest}; ${event.at} is earlier`);
  }
  return { ok: true, clock: { ...clock, events: [...clock.events, event] } };
}

function failure(code: ClockError['code'], message: string): ClockError {
  return { ok: false, code, message };
}

function assertWholeDays(name: string, days: number): void {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${days}`);
}
