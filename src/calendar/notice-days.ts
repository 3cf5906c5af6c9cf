import { MAKE_UP_WORKDAY_NOTE, statutoryDaysOff, type CalendarDayRow } from '@app/business-calendar';
import type { FieldError } from '../http/problem.js';
import { epochDayOrNaN, fromEpochDay, isWeekend as isWeekendDay, yearOf } from '@app/business-calendar';

const isWeekend = (date: string) => isWeekendDay(epochDayOrNaN(date));

/** A year's State Council notice as an admin enters it: the days off and the make-up workdays (调休). */
export interface Notice {
  holidays: readonly string[];
  workdays: readonly string[];
}

/** What makes a notice unloadable for `year`, field by field. Dates are already well-formed (the DTO checks). */
export function noticeErrors(year: number, { holidays, workdays }: Notice): FieldError[] {
  const errors: FieldError[] = [];
  const offDays = new Set(holidays);
  holidays.forEach((date, i) => {
    if (yearOf(date) !== year) errors.push({ path: `holidays[${i}]`, message: `${date} is not in ${year}` });
  });
  workdays.forEach((date, i) => {
    const path = `workdays[${i}]`;
    if (yearOf(date) !== year) errors.push({ path, message: `${date} is not in ${year}` });
    else if (offDays.has(date)) errors.push({ path, message: `${date} is also listed as a holiday` });
    else if (!isWeekend(date)) errors.push({ path, message: `${date} is a weekday, a working day already; a make-up workday is a Saturday or Sunday` });
  });
  return errors;
}

/**
 * The calendar_day rows of a notice. A notice lists dates, not names, so each period off is named
 * after the statutory holidays that fall in it (《全国年节及纪念日放假办法》): 2026-02-15..23 is '春节';
 * 2025-10-01..08, which the notice itself calls 国庆节、中秋节, is '国庆节、中秋'. A period is the
 * listed days off joined by the weekends between them that are not make-up workdays.
 */
export function noticeDays(year: number, notice: Notice): CalendarDayRow[] {
  const workdays = new Set(notice.workdays);
  const holidays = [...new Set(notice.holidays)].sort();
  const offDays = new Set(holidays);
  const isOff = (epochDay: number) => {
    const date = fromEpochDay(epochDay);
    return offDays.has(date) || (isWeekend(date) && !workdays.has(date));
  };
  const statutory = statutoryNames(year);

  const rows: CalendarDayRow[] = [];
  let period: string[] = [];
  const closePeriod = () => {
    const names = [...new Set(period.flatMap((date) => statutory.get(date) ?? []))];
    const note = names.length > 0 ? names.join('、') : null;
    rows.push(...period.map((date) => ({ date, isWorkday: false, note })));
    period = [];
  };
  for (const date of holidays) {
    const previous = period.at(-1);
    if (previous !== undefined && !allOffBetween(previous, date, isOff)) closePeriod();
    period.push(date);
  }
  closePeriod();
  rows.push(...notice.workdays.map((date) => ({ date, isWorkday: true, note: MAKE_UP_WORKDAY_NOTE })));
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

/** The statutory holiday names of each day off by statute alone; a day made up for one ('春节补假') counts as that one. */
function statutoryNames(year: number): Map<string, string[]> {
  return new Map(statutoryDaysOff(year).map((row) => [row.date, (row.note ?? '').split('、').map((name) => name.replace(/补假$/, ''))]));
}

function allOffBetween(from: string, to: string, isOff: (epochDay: number) => boolean): boolean {
  for (let day = epochDayOrNaN(from) + 1; day < epochDayOrNaN(to); day++) if (!isOff(day)) return false;
  return true;
}
