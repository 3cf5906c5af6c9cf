import { describe, expect, it } from 'vitest';
import type { CalendarDayRow } from './calendar-day.js';
import { isWeekend, toEpochDay } from './local-date.js';
import { MAKE_UP_WORKDAY_NOTE, officialDaysFromChineseDays } from './official-days.js';

const daysOff = (rows: CalendarDayRow[]) => rows.filter((row) => !row.isWorkday).map((row) => row.date);
const makeUpDays = (rows: CalendarDayRow[]) => rows.filter((row) => row.isWorkday).map((row) => row.date);
const noteOf = (rows: CalendarDayRow[], date: string) => rows.find((row) => row.date === date)?.note;

describe('officialDaysFromChineseDays', () => {
  // 国务院办公厅关于2026年部分节假日安排的通知
  it('gives the 2026 notice: 33 days off and the six make-up days', () => {
    const rows = officialDaysFromChineseDays(2026);
    expect(daysOff(rows)).toHaveLength(33);
    expect(makeUpDays(rows)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(daysOff(rows).filter((date) => date.startsWith('2026-02'))).toEqual([
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19',
      '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    ]);
    expect(daysOff(rows).filter((date) => date.startsWith('2026-10'))).toEqual([
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    ]);
    expect(noteOf(rows, '2026-02-15')).toBe('春节');
    expect(noteOf(rows, '2026-09-25')).toBe('中秋');
    expect(noteOf(rows, '2026-02-28')).toBe(MAKE_UP_WORKDAY_NOTE);
  });

  // 国务院办公厅关于2025年部分节假日安排的通知
  it('gives the 2025 notice, 中秋 inside the National Day week', () => {
    const rows = officialDaysFromChineseDays(2025);
    expect(daysOff(rows)).toHaveLength(28);
    expect(makeUpDays(rows)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(daysOff(rows).filter((date) => date >= '2025-01-28' && date <= '2025-02-08')).toEqual([
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
      '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
    ]);
    expect(noteOf(rows, '2025-10-06')).toBe('中秋');
    expect(noteOf(rows, '2025-10-08')).toBe('国庆节');
  });

  it('lists make-up workdays only on weekends', () => {
    for (const year of [2025, 2026]) {
      for (const date of makeUpDays(officialDaysFromChineseDays(year))) expect(isWeekend(toEpochDay(date))).toBe(true);
    }
  });

  it('refuses a year whose notice chinese-days does not carry', () => {
    expect(() => officialDaysFromChineseDays(2027)).toThrow(/no State Council notice for 2027/);
  });
});
