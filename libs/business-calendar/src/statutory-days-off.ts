import type { CalendarDayRow } from './calendar-day.js';
import { qingmingDate, solarDateOfLunar } from './chinese-days-source.js';
import { fromEpochDay, isWeekend, toEpochDay } from './local-date.js';

interface StatutoryHoliday {
  name: string;
  days: number[];
}

/** 《全国年节及纪念日放假办法》 (2024 revision), Article 2: the holidays for all citizens. */
function statutoryHolidays(year: number): StatutoryHoliday[] {
  const fixed = (monthDay: string) => toEpochDay(`${year}-${monthDay}`);
  const lunar = (month: number, day: number) => toEpochDay(solarDateOfLunar(year, month, day));
  const newYear = lunar(1, 1);
  return [
    { name: '元旦', days: [fixed('01-01')] },
    // 除夕 is the last day of the twelfth month, which has 29 or 30 days: take the eve of 正月初一.
    { name: '春节', days: [newYear - 1, newYear, newYear + 1, newYear + 2] },
    { name: '清明', days: [toEpochDay(qingmingDate(year))] },
    { name: '劳动节', days: [fixed('05-01'), fixed('05-02')] },
    { name: '端午', days: [lunar(5, 5)] },
    { name: '中秋', days: [lunar(8, 15)] },
    { name: '国庆节', days: [fixed('10-01'), fixed('10-02'), fixed('10-03')] },
  ];
}

/**
 * The days off of `year` by statute alone, for a year whose notice is not published yet.
 * A holiday on a Saturday or Sunday is made up on the next working day (Article 6). A holiday
 * that coincides with another one (中秋 on 1 October) is owed too, read the same way. There is
 * no 调休: only the notice can move a working day to a weekend.
 */
export function statutoryDaysOff(year: number): CalendarDayRow[] {
  const notes = new Map<number, string>();
  const owed: { from: number; name: string }[] = [];
  for (const { name, days } of statutoryHolidays(year)) {
    for (const day of days) {
      const earlier = notes.get(day);
      if (isWeekend(day) || earlier !== undefined) owed.push({ from: day, name });
      notes.set(day, earlier === undefined ? name : `${earlier}、${name}`);
    }
  }
  owed.sort((a, b) => a.from - b.from);
  for (const { from, name } of owed) {
    let day = from + 1;
    while (isWeekend(day) || notes.has(day)) day++;
    notes.set(day, `${name}补假`);
  }
  return [...notes]
    .sort(([a], [b]) => a - b)
    .map(([day, note]) => ({ date: fromEpochDay(day), isWorkday: false, note }));
}
