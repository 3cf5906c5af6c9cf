import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from './business-calendar.js';
import { fromEpochDay, toEpochDay } from './local-date.js';
import { officialDaysFromChineseDays } from './official-days.js';

const officialRows = [...officialDaysFromChineseDays(2025), ...officialDaysFromChineseDays(2026)];
const calendar = BusinessCalendar.fromDays(officialRows, { officialYears: [2025, 2026] });

describe('BusinessCalendar.addWorkingDays over the notices', () => {
  it.each([
    // 2025 春节: off 28 Jan – 4 Feb, make-up Sunday 26 Jan and Saturday 8 Feb
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-26', 1, '2025-01-27'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-02-07', 1, '2025-02-08'],
    // 2025 国庆 and 中秋: off 1–8 Oct, make-up Sunday 28 Sep and Saturday 11 Oct
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-10-10', 1, '2025-10-11'],
    // 2026 春节: off 15–23 Feb, make-up Saturdays 14 and 28 Feb
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-27', 1, '2026-02-28'],
    ['2026-02-10', 20, '2026-03-16'],
    // 2026 国庆: off 1–7 Oct, make-up Sunday 20 Sep and Saturday 10 Oct
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-10-09', 1, '2026-10-10'],
    // the start date never counts, even on a working day; 0 days is the start date itself
    ['2026-03-02', 1, '2026-03-03'],
    ['2026-03-01', 0, '2026-03-01'],
  ])('%s + %i working days = %s', (from, days, expected) => {
    expect(calendar.addWorkingDays(from, days)).toEqual({ ok: true, date: expected, provisional: false });
  });

  it('says provisional once the count enters a year without a notice', () => {
    expect(calendar.addWorkingDays('2026-12-25', 4)).toEqual({ ok: true, date: '2026-12-31', provisional: false });
    // 2027-01-01 is 元旦 by statute, then a weekend
    expect(calendar.addWorkingDays('2026-12-25', 5)).toEqual({ ok: true, date: '2027-01-04', provisional: true });
    // 2027 春节 by statute: 5–8 Feb, made up on 9 and 10 Feb
    expect(calendar.addWorkingDays('2027-02-04', 1)).toEqual({ ok: true, date: '2027-02-11', provisional: true });
  });

  it('refuses beyond two years past the last notice and before the first, naming the year', () => {
    expect(calendar.addWorkingDays('2028-12-27', 2)).toMatchObject({ ok: true, date: '2028-12-29' });
    expect(calendar.addWorkingDays('2028-12-27', 3)).toMatchObject({ ok: false, code: 'calendar.beyond_horizon', year: 2029 });
    expect(calendar.addWorkingDays('2029-01-02', 0)).toMatchObject({ ok: false, code: 'calendar.beyond_horizon', year: 2029 });
    expect(calendar.addWorkingDays('2024-12-31', 1)).toMatchObject({ ok: false, code: 'calendar.beyond_horizon', year: 2024 });
  });

  it('moves the horizon when a notice is loaded', () => {
    // a made-up 2027 notice that moves 春节 by one day, to show official rows replace the statute
    const notice2027 = ['2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10'];
    const later = BusinessCalendar.fromDays(
      [...officialRows, ...notice2027.map((date) => ({ date, isWorkday: false, note: '春节' }))],
      { officialYears: [2025, 2026, 2027] },
    );
    expect(later.addWorkingDays('2029-06-01', 1)).toEqual({ ok: true, date: '2029-06-04', provisional: true });
    expect(later.addWorkingDays('2027-02-03', 1)).toEqual({ ok: true, date: '2027-02-11', provisional: false });
    expect(later.addWorkingDays('2027-06-08', 1)).toEqual({ ok: true, date: '2027-06-09', provisional: false });
  });

  it('refuses an official year whose days were not loaded', () => {
    expect(() => BusinessCalendar.fromDays(officialRows, { officialYears: [2025, 2026, 2027] })).toThrow(/2027/);
  });

  it('rejects malformed arguments as programming errors', () => {
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
  });
});

describe('BusinessCalendar stored rows and overrides', () => {
  it('lets a later row for the same date win', () => {
    const local = BusinessCalendar.fromDays([...officialRows, { date: '2026-03-02', isWorkday: false, note: '地方假日' }], {
      officialYears: [2025, 2026],
    });
    expect(local.addWorkingDays('2026-02-27', 2)).toMatchObject({ date: '2026-03-03' });
    expect(local.day('2026-03-02')).toEqual({ ok: true, date: '2026-03-02', isWorkday: false, note: '地方假日', provisional: false });
  });

  it('treats a stored row in a provisional year as settled', () => {
    const local = BusinessCalendar.fromDays([...officialRows, { date: '2027-02-09', isWorkday: true, note: '调休上班' }], {
      officialYears: [2025, 2026],
    });
    expect(local.day('2027-02-09')).toMatchObject({ isWorkday: true, provisional: false });
    expect(local.day('2027-02-08')).toMatchObject({ isWorkday: false, note: '春节', provisional: true });
  });

  it('lists days with their notes, marking every day of a provisional year', () => {
    const listed = calendar.daysBetween('2026-02-13', '2026-02-15');
    expect(listed).toEqual({
      ok: true,
      items: [
        { date: '2026-02-13', isWorkday: true, note: null, provisional: false },
        { date: '2026-02-14', isWorkday: true, note: '调休上班', provisional: false },
        { date: '2026-02-15', isWorkday: false, note: '春节', provisional: false },
      ],
    });
    expect(calendar.day('2027-03-01')).toEqual({ ok: true, date: '2027-03-01', isWorkday: true, note: null, provisional: true });
    expect(calendar.daysBetween('2028-12-31', '2029-01-01')).toMatchObject({ ok: false, year: 2029 });
  });
});

describe('BusinessCalendar time of day (China Standard Time)', () => {
  it.each([
    ['Monday 16:59:59', '2026-03-02T08:59:59Z', '2026-03-02'],
    ['Monday 17:00, office closed', '2026-03-02T09:00:00Z', '2026-03-03'],
    ['Tuesday 04:00, still Monday in UTC', '2026-03-02T20:00:00Z', '2026-03-03'],
    ['Friday evening', '2026-03-06T11:00:00Z', '2026-03-09'],
    ['Saturday', '2026-03-07T02:00:00Z', '2026-03-09'],
    ['make-up Sunday morning', '2026-09-20T02:00:00Z', '2026-09-20'],
    ['eve of 春节 at noon', '2026-02-14T04:00:00+08:00', '2026-02-14'],
    ['first day of 春节', '2026-02-15T04:00:00Z', '2026-02-24'],
  ])('%s belongs to %s', (_, at, expected) => {
    expect(calendar.workingDayOf(at)).toEqual({ ok: true, date: expected, provisional: false });
  });

  it('uses the configured end of office hours', () => {
    const late = BusinessCalendar.fromDays(officialRows, { officialYears: [2025, 2026], officeHoursEnd: '18:00' });
    expect(late.workingDayOf('2026-03-02T09:30:00Z')).toMatchObject({ date: '2026-03-02' });
    expect(late.endOfOfficeHours('2026-03-02')).toBe('2026-03-02T10:00:00.000Z');
    expect(calendar.endOfOfficeHours('2026-03-02')).toBe('2026-03-02T09:00:00.000Z');
    expect(() => BusinessCalendar.fromDays([], { officialYears: [2026], officeHoursEnd: '5pm' })).toThrow(RangeError);
  });

  it('is provisional when the next working day had to be looked up in a provisional year', () => {
    expect(calendar.workingDayOf('2026-12-31T10:00:00Z')).toEqual({ ok: true, date: '2027-01-04', provisional: true });
  });

  it('refuses instants without an offset instead of reading them in the server zone', () => {
    expect(() => calendar.workingDayOf('2026-03-02T10:00:00')).toThrow(RangeError);
  });

  it('counts working days elapsed between instants', () => {
    expect(calendar.elapsedWorkingDays('2026-02-13T02:00:00Z', '2026-02-24T02:00:00Z')).toEqual({
      ok: true,
      days: 2,
      provisional: false,
    });
    expect(calendar.elapsedWorkingDays('2026-03-06T10:00:00Z', '2026-03-09T00:30:00Z')).toMatchObject({ days: 0 });
    expect(calendar.countWorkingDays('2026-02-24', '2026-02-13')).toMatchObject({ days: -2 });
  });
});

describe('BusinessCalendar properties', () => {
  const first = toEpochDay('2025-01-01');
  const last = toEpochDay('2028-12-31');
  const dates = fc.integer({ min: first, max: last }).map(fromEpochDay);
  const instants = fc.integer({ min: Date.parse('2025-01-01T00:00:00+08:00'), max: Date.parse('2028-12-20T00:00:00+08:00') }).map((ms) => new Date(ms));

  /** The obvious day-by-day walk, as an oracle for the indexed arithmetic. */
  function walk(from: string, days: number): string | null {
    let day = toEpochDay(from);
    for (let left = days; left > 0; ) {
      const next = calendar.day(fromEpochDay(++day));
      if (!next.ok) return null;
      if (next.isWorkday) left--;
    }
    return fromEpochDay(day);
  }

  it('adding N working days agrees with a day-by-day walk', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 400 }), (from, days) => {
        const added = calendar.addWorkingDays(from, days);
        const walked = walk(from, days);
        if (walked === null) expect(added).toMatchObject({ ok: false, code: 'calendar.beyond_horizon', year: 2029 });
        else expect(added).toMatchObject({ ok: true, date: walked });
      }),
    );
  });

  it('adding N then counting back gives N', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 400 }), (from, days) => {
        const added = calendar.addWorkingDays(from, days);
        fc.pre(added.ok);
        if (added.ok) expect(calendar.countWorkingDays(from, added.date)).toMatchObject({ ok: true, days });
      }),
    );
  });

  it('elapsed working days add up across any three instants', () => {
    fc.assert(
      fc.property(instants, instants, instants, (a, b, c) => {
        const ab = calendar.elapsedWorkingDays(a, b);
        const bc = calendar.elapsedWorkingDays(b, c);
        const ac = calendar.elapsedWorkingDays(a, c);
        if (!ab.ok || !bc.ok || !ac.ok) throw new Error('inside the horizon');
        expect(ab.days + bc.days).toBe(ac.days);
      }),
    );
  });

  it('is provisional exactly when the result lies past the last notice', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 400 }), (from, days) => {
        const added = calendar.addWorkingDays(from, days);
        fc.pre(added.ok);
        if (added.ok) expect(added.provisional).toBe(added.date >= '2027-01-01');
      }),
    );
  });
});
