import { WorkingTime } from '@app/business-calendar';
import type { BusinessCalendar } from '@app/business-calendar';
import { orBeyondHorizon } from '../calendar/calendar-problems.js';
import type { RiskThresholds } from '../config/app-config.js';

const MS_PER_DAY = 86_400_000;
/** The decision-speed baseline of an item: its cases decided in the trailing year. */
export const BASELINE_DAYS = 365;
/** A decision counts as too fast below this percentile of its item. */
export const FAST_PERCENTILE = 0.05;

/**
 * Everything a detection at `asOf` compares against, worked out once from the calendar so that every
 * detector is a plain range query on an indexed column.
 */
export interface DetectionWindow {
  asOf: Date;
  /** Deadlines after asOf and up to this instant are approaching (yellow). */
  yellowCutoff: Date;
  /** Tasks opened at or before this instant have waited `unclaimedHours` working hours. */
  unclaimedCutoff: Date;
  /** Cases whose last event is at or before this instant have stalled. */
  stalledCutoff: Date;
  /** Decided cases, failed jobs and benefit runs after this instant are reviewed. */
  reviewSince: Date;
  baselineSince: Date;
  working: WorkingTime;
  fastMinSample: number;
  /** Auto-approvals whose hash falls below this many ten-thousandths are sampled. */
  autoSampleBasisPoints: number;
  benefitJumpPercent: number;
}

/**
 * The window of a scan at `asOf` (a forecast may look ahead). Yellow follows the calendar's clock status:
 * at most `yellowRemainingDays` working days left after the working day `asOf` belongs to, so on a Friday
 * a deadline next Monday is yellow and one next Tuesday is not.
 */
export function detectionWindow(
  calendar: BusinessCalendar,
  officialYears: readonly number[],
  thresholds: RiskThresholds,
  asOf: Date,
  now: Date,
): DetectionWindow {
  const working = WorkingTime.of(calendar, officialYears);
  const today = orBeyondHorizon(calendar.workingDayOf(asOf));
  const lastYellowDay = orBeyondHorizon(calendar.addWorkingDays(today.date, thresholds.yellowRemainingDays));
  // Reviews look back from the present even when a forecast looks ahead: the future has no decided cases yet.
  const reference = Math.min(asOf.getTime(), now.getTime());
  return {
    asOf,
    yellowCutoff: new Date(calendar.endOfOfficeHours(lastYellowDay.date)),
    unclaimedCutoff: working.minusHours(asOf, thresholds.unclaimedHours),
    stalledCutoff: working.minusHours(asOf, thresholds.stalledHours),
    reviewSince: new Date(reference - thresholds.reviewLookbackDays * MS_PER_DAY),
    baselineSince: new Date(asOf.getTime() - BASELINE_DAYS * MS_PER_DAY),
    working,
    fastMinSample: thresholds.fastMinSample,
    autoSampleBasisPoints: thresholds.autoSamplePercent * 100,
    benefitJumpPercent: thresholds.benefitJumpPercent,
  };
}
