import { PROVISIONAL_YEARS, type BusinessCalendar } from './business-calendar.js';
import { CHINA_OFFSET_MS } from './china-time.js';
import { MS_PER_DAY, fromEpochDay, toEpochDay } from './local-date.js';

/** An office day lasts 8 hours (《国务院关于职工工作时间的规定》) and ends when the calendar says the office closes. */
export const OFFICE_DAY_SECONDS = 8 * 3600;

/**
 * Working time: the office hours of working days. "Unclaimed for 4 working hours" and "p50 of 12 working
 * hours" both mean time the office was open, so a Friday-evening task is not late on Monday morning.
 *
 * Built once per calendar from its days: `before[i]` holds the working seconds before China midnight
 * of day i, so the working time up to any instant is one array lookup — the same arithmetic the SQL
 * reports do with these arrays as parameters (see workingSecondsSql).
 */
export class WorkingTime {
  private static readonly cache = new WeakMap<BusinessCalendar, WorkingTime>();

  private constructor(
    /** The first day covered (China date). */
    readonly firstDate: string,
    /** Working seconds before China midnight of each day; one more entry than days. */
    readonly before: readonly number[],
    readonly workday: readonly boolean[],
    /** When the office opens, in seconds after China midnight. */
    readonly openSeconds: number,
  ) {}

  /** The calendar's whole span: from its first official year to the last provisional one. */
  static of(calendar: BusinessCalendar, officialYears: readonly number[]): WorkingTime {
    let cached = WorkingTime.cache.get(calendar);
    if (!cached) {
      const first = `${Math.min(...officialYears)}-01-01`;
      const last = `${Math.max(...officialYears) + PROVISIONAL_YEARS}-12-31`;
      const span = calendar.daysBetween(first, last);
      if (!span.ok) throw new RangeError(span.message);
      const workday = span.items.map((day) => day.isWorkday);
      const before = [0];
      for (const isWorkday of workday) before.push(before[before.length - 1] + (isWorkday ? OFFICE_DAY_SECONDS : 0));
      const closes = Date.parse(calendar.endOfOfficeHours(first));
      const openSeconds = Math.round((closes - chinaMidnightMs(toEpochDay(first))) / 1000) - OFFICE_DAY_SECONDS;
      cached = new WorkingTime(first, before, workday, openSeconds);
      WorkingTime.cache.set(calendar, cached);
    }
    return cached;
  }

  get lastDate(): string {
    return fromEpochDay(toEpochDay(this.firstDate) + this.workday.length - 1);
  }

  /** Working seconds from the start of the span to `at`; null outside the span (the calendar does not guess). */
  secondsAt(at: Date): number | null {
    const local = at.getTime() + CHINA_OFFSET_MS;
    const day = Math.floor(local / MS_PER_DAY) - toEpochDay(this.firstDate);
    if (day < 0 || day >= this.workday.length) return null;
    const intoDay = (local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY) / 1000;
    return this.before[day] + (this.workday[day] ? clamp(intoDay - this.openSeconds, 0, OFFICE_DAY_SECONDS) : 0);
  }

  /** Working seconds from `from` to `to` (negative when `to` is earlier); null when either lies outside the span. */
  between(from: Date, to: Date): number | null {
    const a = this.secondsAt(from);
    const b = this.secondsAt(to);
    return a === null || b === null ? null : b - a;
  }

  /**
   * The latest instant that lies `hours` working hours or more before `at`: whatever happened at or
   * before it has waited at least that long. A task opened on Friday at 18:00 has waited 8 working
   * hours at Monday's closing time, not before.
   */
  minusHours(at: Date, hours: number): Date {
    const now = this.secondsAt(at);
    if (now === null) throw new RangeError(`${at.toISOString()} lies outside the working-day calendar (${this.firstDate} – ${this.lastDate})`);
    const target = now - hours * 3600;
    if (target <= 0) return new Date(chinaMidnightMs(toEpochDay(this.firstDate)));
    // The last day whose midnight count is ≤ target is a working day whose office hours reach it.
    let low = 0;
    let high = this.workday.length - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.before[mid] <= target) low = mid;
      else high = mid - 1;
    }
    const midnight = chinaMidnightMs(toEpochDay(this.firstDate) + low);
    return new Date(midnight + (this.openSeconds + (target - this.before[low])) * 1000);
  }

  /**
   * The earliest instant at which `hours` working hours or more have passed since `at`: the moment a task
   * opened at `at` has waited that long. Throws outside the span, like minusHours.
   */
  plusHours(at: Date, hours: number): Date {
    const from = this.secondsAt(at);
    if (from === null) throw new RangeError(`${at.toISOString()} lies outside the working-day calendar (${this.firstDate} – ${this.lastDate})`);
    const target = from + hours * 3600;
    if (target > this.before[this.workday.length]) throw new RangeError(`${hours} working hours after ${at.toISOString()} lie beyond the working-day calendar (${this.lastDate})`);
    if (hours <= 0) return at;
    // The first day whose closing count reaches the target is a working day whose office hours hold it.
    let low = 0;
    let high = this.workday.length - 1;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (this.before[mid + 1] >= target) high = mid;
      else low = mid + 1;
    }
    const midnight = chinaMidnightMs(toEpochDay(this.firstDate) + low);
    return new Date(midnight + (this.openSeconds + (target - this.before[low])) * 1000);
  }
}

function chinaMidnightMs(epochDay: number): number {
  return epochDay * MS_PER_DAY - CHINA_OFFSET_MS;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
