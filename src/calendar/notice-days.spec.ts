import { MAKE_UP_WORKDAY_NOTE, officialDaysFromChineseDays } from '@app/business-calendar';
import { describe, expect, it } from 'vitest';
import { noticeDays, noticeErrors, type Notice } from './notice-days.js';

/** The notice as an admin would type it, from the dates chinese-days carries. */
function bundledNotice(year: number): Notice {
  const rows = officialDaysFromChineseDays(year);
  return { holidays: rows.filter((r) => !r.isWorkday).map((r) => r.date), workdays: rows.filter((r) => r.isWorkday).map((r) => r.date) };
}

describe('noticeDays', () => {
  it('names every period of the 2026 notice as chinese-days does', () => {
    expect(noticeDays(2026, bundledNotice(2026))).toEqual(officialDaysFromChineseDays(2026));
  });

  it('names a period holding two holidays after both, as the 2025 notice does (国庆节、中秋节)', () => {
    const rows = noticeDays(2025, bundledNotice(2025));
    const october = rows.filter((r) => r.date >= '2025-10-01' && r.date <= '2025-10-08');
    expect(october).toHaveLength(8);
    expect(new Set(october.map((r) => r.note))).toEqual(new Set(['国庆节、中秋']));
    // Everything else matches chinese-days.
    const others = (list: typeof rows) => list.filter((r) => !(r.date >= '2025-10-01' && r.date <= '2025-10-08'));
    expect(others(rows)).toEqual(others(officialDaysFromChineseDays(2025)));
  });

  it('keeps a period whole across a weekend the notice does not list, and splits it at a make-up workday', () => {
    // 2027 春节 by statute: 除夕 Friday 5 February to Monday 8 February, weekend unlisted.
    const rows = noticeDays(2027, { holidays: ['2027-02-05', '2027-02-08', '2027-02-09'], workdays: ['2027-02-06'] });
    expect(rows).toEqual([
      { date: '2027-02-05', isWorkday: false, note: '春节' },
      { date: '2027-02-06', isWorkday: true, note: MAKE_UP_WORKDAY_NOTE },
      // Saturday the 6th is worked, so the 8th starts a new period; it still holds 春节 days by statute.
      { date: '2027-02-08', isWorkday: false, note: '春节' },
      { date: '2027-02-09', isWorkday: false, note: '春节' },
    ]);
  });

  it('leaves a day off with no statutory holiday in its period without a name', () => {
    expect(noticeDays(2027, { holidays: ['2027-03-10'], workdays: [] })).toEqual([{ date: '2027-03-10', isWorkday: false, note: null }]);
  });
});

describe('noticeErrors', () => {
  it('accepts the real notices', () => {
    expect(noticeErrors(2025, bundledNotice(2025))).toEqual([]);
    expect(noticeErrors(2026, bundledNotice(2026))).toEqual([]);
  });

  it('points at dates of another year, days both off and worked, and weekday make-up days', () => {
    const errors = noticeErrors(2027, {
      holidays: ['2027-02-05', '2026-12-31'],
      workdays: ['2027-02-05', '2028-01-01', '2027-02-10', '2027-02-20'],
    });
    expect(errors.map((e) => e.path)).toEqual(['holidays[1]', 'workdays[0]', 'workdays[1]', 'workdays[2]']);
    expect(errors[0].message).toMatch(/not in 2027/);
    expect(errors[1].message).toMatch(/also listed as a holiday/);
    expect(errors[2].message).toMatch(/not in 2027/);
    expect(errors[3].message).toMatch(/weekday/);
  });
});
