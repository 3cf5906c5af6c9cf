import { BusinessCalendar, deadlines, officialDaysFromChineseDays, startClock, status } from '@app/business-calendar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import { detectionWindow } from './detection-window.js';

const calendar = BusinessCalendar.fromDays([...officialDaysFromChineseDays(2025), ...officialDaysFromChineseDays(2026)], { officialYears: [2025, 2026] });
const thresholds = loadConfig({}).risk;
const cst = (local: string) => new Date(`${local}+08:00`);
const windowAt = (asOf: Date, yellowRemainingDays = 1) => detectionWindow(calendar, [2025, 2026], { ...thresholds, yellowRemainingDays }, asOf, asOf);

describe('detectionWindow', () => {
  it('makes a deadline yellow by working days: on Friday, Monday is near and Tuesday is not', () => {
    expect(windowAt(cst('2026-03-13T10:00:00')).yellowCutoff).toEqual(cst('2026-03-16T17:00:00'));
    // Saturday belongs to Monday.
    expect(windowAt(cst('2026-03-14T10:00:00')).yellowCutoff).toEqual(cst('2026-03-17T17:00:00'));
    // After office hours on Thursday the day counts as Friday's.
    expect(windowAt(cst('2026-03-12T18:00:00')).yellowCutoff).toEqual(cst('2026-03-16T17:00:00'));
    // 国庆 2026 (1–7 October off): on 30 September the next working day is 8 October.
    expect(windowAt(cst('2026-09-30T10:00:00')).yellowCutoff).toEqual(cst('2026-10-08T17:00:00'));
  });

  it('counts waiting in working hours', () => {
    const window = windowAt(cst('2026-03-09T11:00:00'));
    expect(window.unclaimedCutoff).toEqual(cst('2026-03-06T15:00:00'));
    expect(window.stalledCutoff).toEqual(cst('2026-03-05T11:00:00'));
  });

  it("reviews the days before now even when a forecast looks ahead", () => {
    const now = cst('2026-03-09T11:00:00');
    const ahead = detectionWindow(calendar, [2025, 2026], thresholds, cst('2026-04-01T11:00:00'), now);
    expect(ahead.reviewSince).toEqual(new Date(now.getTime() - 7 * 86_400_000));
    expect(ahead.autoSampleBasisPoints).toBe(500);
  });

  it('agrees with the calendar library on red, yellow and green for any accepted case', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 * 24 * 60 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 50 * 24 * 60 }),
        fc.integer({ min: 0, max: 3 }),
        (acceptedMinute, promisedDays, laterMinutes, yellowDays) => {
          const acceptedAt = new Date(cst('2025-03-01T00:00:00').getTime() + acceptedMinute * 60_000);
          const clock = startClock(acceptedAt.toISOString(), { statutoryDays: promisedDays + 10, promisedDays });
          const read = deadlines(clock, calendar);
          if (!read.ok) throw new Error(read.message);
          const due = new Date(read.promisedDeadline);
          const asOf = new Date(acceptedAt.getTime() + laterMinutes * 60_000);
          const window = windowAt(asOf, yellowDays);
          const ours = due <= asOf ? 'red' : due <= window.yellowCutoff ? 'yellow' : 'green';
          // yellowUsedRatio 1: only the remaining working days decide, as the SQL range does.
          const theirs = status(clock, calendar, asOf.toISOString(), { yellowRemainingDays: yellowDays, yellowUsedRatio: 1 });
          expect(theirs.ok && theirs.status).toBe(ours);
        },
      ),
      { numRuns: 500 },
    );
  });
});
