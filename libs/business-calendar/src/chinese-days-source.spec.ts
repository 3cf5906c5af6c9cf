import { afterEach, describe, expect, it } from 'vitest';
import { dayDetail, qingmingDate } from './chinese-days-source.js';

describe('chinese-days source', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('reads the day east of UTC', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(dayDetail('2026-02-15')).toEqual({ isWorkday: false, holiday: '春节' });
    expect(dayDetail('2026-03-02')).toEqual({ isWorkday: true, holiday: null });
    expect(qingmingDate(2027)).toBe('2027-04-05');
  });

  // chinese-days would answer for the day before without complaint.
  it('refuses to run west of UTC', () => {
    process.env.TZ = 'America/New_York';
    expect(() => dayDetail('2026-02-15')).toThrow(/west of UTC/);
    expect(() => qingmingDate(2027)).toThrow(/west of UTC/);
  });
});
