// Named imports work under Vitest but crash under plain node: chinese-days is CommonJS.
import chineseDays from 'chinese-days';
import { MS_PER_DAY, toEpochDay, type LocalDate } from './local-date.js';

/**
 * chinese-days 1.5.7 reads 'YYYY-MM-DD' as UTC midnight and formats it with local-time getters,
 * so in a process whose time zone is west of UTC every answer is a day early. Refuse loudly.
 */
function assertReadableTimeZone(date: LocalDate): void {
  if (new Date(toEpochDay(date) * MS_PER_DAY).getTimezoneOffset() > 0) {
    throw new Error(
      'chinese-days misreads dates in time zones west of UTC; run with TZ=Asia/Shanghai or TZ=UTC',
    );
  }
}

export interface ChineseDaysDetail {
  isWorkday: boolean;
  /** Chinese name of the holiday the day belongs to ('春节', '国庆节'), null for an ordinary day. */
  holiday: string | null;
}

export function dayDetail(date: LocalDate): ChineseDaysDetail {
  assertReadableTimeZone(date);
  const { work, name } = chineseDays.getDayDetail(date);
  // Holiday names come as 'Spring Festival,春节,4'; ordinary days as a weekday name.
  const parts = name.split(',');
  return { isWorkday: work, holiday: parts.length === 3 ? parts[1] : null };
}

/** The solar date of a day in a regular (non-leap) lunar month of lunar year `lunarYear`. */
export function solarDateOfLunar(lunarYear: number, month: number, day: number): LocalDate {
  const lunar = `${lunarYear}-${pad(month)}-${pad(day)}`;
  assertReadableTimeZone(lunar);
  return chineseDays.getSolarDateFromLunar(lunar).date;
}

/** The day of the 清明 solar term. */
export function qingmingDate(year: number): LocalDate {
  assertReadableTimeZone(`${year}-04-05`);
  return chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
