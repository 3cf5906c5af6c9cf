import { describe, expect, it } from 'vitest';
import { epochDayOf, isLocalDate, isWeekend } from './dates.js';

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(['2026-02-28', '2028-02-29', '1970-01-01'].every(isLocalDate)).toBe(true);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-5', '2026-01-05T00:00:00Z', '20260105', '', 20260105, null]) {
      expect(isLocalDate(bad), String(bad)).toBe(false);
    }
  });

  it('counts days across a leap day and knows weekends', () => {
    expect(epochDayOf('2028-03-01') - epochDayOf('2028-02-28')).toBe(2);
    expect(['2026-02-14', '2026-02-15'].map(isWeekend)).toEqual([true, true]);
    expect(isWeekend('2026-02-13')).toBe(false);
  });
});
