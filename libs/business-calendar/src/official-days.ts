import type { CalendarDayRow } from './calendar-day.js';
import { dayDetail } from './chinese-days-source.js';
import { fromEpochDay, toEpochDay } from './local-date.js';

export const MAKE_UP_WORKDAY_NOTE = '调休上班';

/**
 * The days of `year` set by the State Council notice, as bundled in chinese-days: every day off
 * of a holiday period (weekend days inside it included, noted with the holiday's name) and every
 * make-up workday. Ordinary weekdays and weekends are left out; the calendar derives them.
 * Used to seed the calendar_day table.
 */
export function officialDaysFromChineseDays(year: number): CalendarDayRow[] {
  const rows: CalendarDayRow[] = [];
  const end = toEpochDay(`${year}-12-31`);
  for (let day = toEpochDay(`${year}-01-01`); day <= end; day++) {
    const date = fromEpochDay(day);
    const { isWorkday, holiday } = dayDetail(date);
    if (holiday !== null) rows.push({ date, isWorkday, note: isWorkday ? MAKE_UP_WORKDAY_NOTE : holiday });
  }
  // Without a notice chinese-days silently answers from weekends alone: that is not official data.
  if (rows.length === 0) throw new RangeError(`chinese-days has no State Council notice for ${year}`);
  return rows;
}
