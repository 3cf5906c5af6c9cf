import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from './business-calendar.js';
import { officialDaysFromChineseDays } from './official-days.js';
import { OFFICE_DAY_SECONDS, WorkingTime } from './working-time.js';

const calendar = BusinessCalendar.fromDays([...officialDaysFromChineseDays(2025), ...officialDaysFromChineseDays(2026)], { officialYears: [2025, 2026] });
const time = WorkingTime.of(calendar, [2025, 2026]);
const cst = (local: string) => new Date(`${local}+08:00`);
const HOUR = 3600;

/** The slow, obvious count: every minute from a to b that falls in 09:00–17:00 of a working day. */
function bruteForceSeconds(from: Date, to: Date): number {
  let seconds = 0;
  for (let ms = from.getTime(); ms < to.getTime(); ms += 60_000) {
    const local = new Date(ms + 8 * 3_600_000);
    const date = local.toISOString().slice(0, 10);
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
    const day = calendar.day(date);
    if (day.ok && day.isWorkday && minute >= 9 * 60 && minute < 17 * 60) seconds += 60;
  }
  return seconds;
}

/** Whole minutes in 2026 (before the last days, so a week of slack stays inside the span). */
const instant2026 = fc.integer({ min: 0, max: 350 * 24 * 60 }).map((minute) => new Date(cst('2026-01-01T00:00:00').getTime() + minute * 60_000));

describe('WorkingTime', () => {
  it('counts only office hours (09:00–17:00) of working days', () => {
    // Monday 10:00 to 12:00.
    expect(time.between(cst('2026-03-02T10:00:00'), cst('2026-03-02T12:00:00'))).toBe(2 * HOUR);
    // Friday 16:00 to Monday 10:00: one hour on Friday, one on Monday, nothing over the weekend.
    expect(time.between(cst('2026-03-06T16:00:00'), cst('2026-03-09T10:00:00'))).toBe(2 * HOUR);
    // Evenings and early mornings count nothing.
    expect(time.between(cst('2026-03-02T18:00:00'), cst('2026-03-03T08:30:00'))).toBe(0);
    // 国庆 2026: 1–7 October off; the week of 28 September has its make-up Sunday.
    const holidayWeeks = time.between(cst('2026-09-25T17:00:00'), cst('2026-10-12T09:00:00'))!;
    const workdays = calendar.countWorkingDays('2026-09-25', '2026-10-11');
    expect(workdays.ok && holidayWeeks).toBe((workdays.ok ? workdays.days : NaN) * OFFICE_DAY_SECONDS);
  });

  it('agrees with a minute-by-minute count', () => {
    fc.assert(
      fc.property(instant2026, fc.integer({ min: 0, max: 9 * 24 * 60 }), (from, minutes) => {
        const to = new Date(from.getTime() + minutes * 60_000);
        expect(time.between(from, to)).toBe(bruteForceSeconds(from, to));
      }),
      { numRuns: 60 },
    );
  });

  it('finds the latest instant a given number of working hours back', () => {
    // At Monday's close, whatever happened from Friday's close until Monday's opening has waited 8 working hours.
    expect(time.minusHours(cst('2026-03-09T17:00:00'), 8)).toEqual(cst('2026-03-09T09:00:00'));
    // A minute earlier, only what happened before Friday 16:59 has.
    expect(time.minusHours(cst('2026-03-09T16:59:00'), 8)).toEqual(cst('2026-03-06T16:59:00'));
    // From Saturday, 4 hours back is Friday 13:00.
    expect(time.minusHours(cst('2026-03-07T11:00:00'), 4)).toEqual(cst('2026-03-06T13:00:00'));
    fc.assert(
      fc.property(instant2026, fc.integer({ min: 1, max: 200 }), (at, hours) => {
        const back = time.minusHours(at, hours);
        expect(time.between(back, at)).toBe(hours * HOUR);
        expect(time.between(new Date(back.getTime() + 1000), at)).toBeLessThan(hours * HOUR);
      }),
    );
  });

  it('answers nothing outside the calendar and refuses to count back from there', () => {
    expect(time.secondsAt(cst('2024-12-31T12:00:00'))).toBeNull();
    expect(time.lastDate).toBe('2028-12-31');
    expect(time.secondsAt(cst('2029-01-02T12:00:00'))).toBeNull();
    expect(() => time.minusHours(cst('2029-01-02T12:00:00'), 1)).toThrow(RangeError);
    expect(WorkingTime.of(calendar, [2025, 2026])).toBe(time);
  });

  it('plusHours: the first instant at which that many working hours have passed', () => {
    // Friday 16:00 + 2 working hours: one on Friday, then Monday 10:00.
    expect(time.plusHours(cst('2026-03-06T16:00:00'), 2)).toEqual(cst('2026-03-09T10:00:00'));
    // Saturday evening + 8 hours: Monday's closing time.
    expect(time.plusHours(cst('2026-03-07T20:00:00'), 8)).toEqual(cst('2026-03-09T17:00:00'));
    // Over 国庆 2026: 30 September 16:00 + 1 hour is 17:00 the same day; + 2 hours is the 8th at 10:00.
    expect(time.plusHours(cst('2026-09-30T16:00:00'), 1)).toEqual(cst('2026-09-30T17:00:00'));
    expect(time.plusHours(cst('2026-09-30T16:00:00'), 2)).toEqual(cst('2026-10-08T10:00:00'));
  });

  it('plusHours is the earliest instant whose working time since `at` reaches the hours', () => {
    fc.assert(
      fc.property(instant2026, fc.integer({ min: 1, max: 40 }), (at, hours) => {
        const end = time.plusHours(at, hours);
        expect(time.between(at, end)).toBe(hours * HOUR);
        expect(time.between(at, new Date(end.getTime() - 60_000))).toBeLessThan(hours * HOUR);
      }),
      { numRuns: 300 },
    );
  });
});
