import { describe, expect, it } from 'vitest';
import { chinaDate, chinaMidnight, formatChinaMinute } from './china-time.js';
import { epochDayOrNaN, isLocalDate, isWeekend, toEpochDay } from './local-date.js';

describe('dates as text', () => {
  it('accepts real calendar dates only', () => {
    expect(['2026-02-28', '2028-02-29', '1970-01-01'].every(isLocalDate)).toBe(true);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-5', '2026-01-05T00:00:00Z', '20260105', '', 20260105, null]) {
      expect(isLocalDate(bad), String(bad)).toBe(false);
    }
    expect(epochDayOrNaN('2026-02-30')).toBeNaN();
  });

  it('counts days across a leap day and knows weekends', () => {
    expect(epochDayOrNaN('2028-03-01') - epochDayOrNaN('2028-02-28')).toBe(2);
    expect(['2026-02-14', '2026-02-15'].map((date) => isWeekend(toEpochDay(date)))).toEqual([true, true]);
    expect(isWeekend(toEpochDay('2026-02-13'))).toBe(false);
  });

  it('reads instants as China dates and China dates as instants (+08:00, no daylight saving)', () => {
    expect(chinaDate(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(chinaDate('2026-11-30T16:00:00Z')).toBe('2026-12-01');
    expect(chinaMidnight('2026-11-01')).toEqual(new Date('2026-10-31T16:00:00Z'));
    expect(chinaMidnight('2026-11-30', true)).toEqual(new Date('2026-11-30T16:00:00Z'));
    expect(() => chinaMidnight('2026-02-30')).toThrow(RangeError);
    expect(formatChinaMinute('2026-11-30T16:05:00Z')).toBe('2026-12-01 00:05');
    expect(formatChinaMinute('not a time')).toBe('not a time');
  });
});
