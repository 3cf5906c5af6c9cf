import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { officialDaysFromChineseDays } from './official-days.js';
import { statutoryDaysOff } from './statutory-days-off.js';

const asTable = (year: number) => Object.fromEntries(statutoryDaysOff(year).map((row) => [row.date, row.note]));

describe('statutoryDaysOff', () => {
  it('gives 2027 by statute: a Saturday 正月初一 and a weekend 劳动节 and 国庆 made up on the next working days', () => {
    expect(asTable(2027)).toEqual({
      '2027-01-01': '元旦',
      '2027-02-05': '春节',
      '2027-02-06': '春节',
      '2027-02-07': '春节',
      '2027-02-08': '春节',
      '2027-02-09': '春节补假',
      '2027-02-10': '春节补假',
      '2027-04-05': '清明',
      '2027-05-01': '劳动节',
      '2027-05-02': '劳动节',
      '2027-05-03': '劳动节补假',
      '2027-05-04': '劳动节补假',
      '2027-06-09': '端午',
      '2027-09-15': '中秋',
      '2027-10-01': '国庆节',
      '2027-10-02': '国庆节',
      '2027-10-03': '国庆节',
      '2027-10-04': '国庆节补假',
      '2027-10-05': '国庆节补假',
    });
  });

  it('gives 2028 by statute: 元旦 and 端午 on weekends, 中秋 on 3 October', () => {
    expect(asTable(2028)).toEqual({
      '2028-01-01': '元旦',
      '2028-01-03': '元旦补假',
      '2028-01-25': '春节',
      '2028-01-26': '春节',
      '2028-01-27': '春节',
      '2028-01-28': '春节',
      '2028-04-04': '清明',
      '2028-05-01': '劳动节',
      '2028-05-02': '劳动节',
      '2028-05-28': '端午',
      '2028-05-29': '端午补假',
      '2028-10-01': '国庆节',
      '2028-10-02': '国庆节',
      '2028-10-03': '中秋、国庆节',
      '2028-10-04': '国庆节补假',
      '2028-10-05': '国庆节补假',
    });
  });

  it('takes 除夕 as the eve of 正月初一, which in 2027 and 2028 is the 29th of the twelfth month', () => {
    for (const [eve, newYear] of [['2027-02-05', '2027-02-06'], ['2028-01-25', '2028-01-26']]) {
      expect(chineseDays.getLunarDate(eve)).toMatchObject({ lunarMon: 12, lunarDay: 29 });
      expect(chineseDays.getLunarDate(newYear)).toMatchObject({ lunarMon: 1, lunarDay: 1, isLeap: false });
      expect(statutoryDaysOff(Number(eve.slice(0, 4))).find((row) => row.date === eve)?.note).toBe('春节');
    }
  });

  it('places 端午 in the regular fifth month of 2028, not its leap month', () => {
    expect(chineseDays.getLunarDate('2028-05-28')).toMatchObject({ lunarMon: 5, lunarDay: 5, isLeap: false });
    expect(asTable(2028)['2028-06-27']).toBeUndefined();
  });

  it('agrees with the notices of 2025 and 2026 on every statutory holiday', () => {
    for (const year of [2025, 2026]) {
      const official = new Set(officialDaysFromChineseDays(year).filter((row) => !row.isWorkday).map((row) => row.date));
      const statutory = statutoryDaysOff(year).filter((row) => !row.note?.endsWith('补假'));
      expect(statutory.length).toBe(13);
      for (const row of statutory) expect(official, `${row.date} ${row.note}`).toContain(row.date);
    }
  });
});
