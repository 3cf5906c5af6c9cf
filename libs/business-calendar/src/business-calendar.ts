import type { CalendarDay, CalendarDayRow } from './calendar-day.js';
import { beyondHorizon, type BeyondHorizon, type CalendarResult, type Coverage } from './calendar-result.js';
import { chinaDayAndTime, chinaTimeToIso, parseOfficeHoursEnd, toEpochMs, type Instant } from './china-time.js';
import { fromEpochDay, isWeekend, toEpochDay, yearOfEpochDay, type LocalDate } from './local-date.js';
import { statutoryDaysOff } from './statutory-days-off.js';

/** How many years after the last official notice the statutory rules may stand in for one. */
export const PROVISIONAL_YEARS = 2;

export interface CalendarOptions {
  /** Years whose State Council notice is loaded; their days not in `rows` are ordinary weekdays and weekends. */
  officialYears: readonly number[];
  /** When the office closes, China time: an instant at or after it belongs to the next working day. */
  officeHoursEnd?: string;
}

type WorkingDay = CalendarResult<{ date: LocalDate; provisional: boolean }>;
type WorkingDayCount = CalendarResult<{ days: number; provisional: boolean }>;

/**
 * Working days in China from the first official year to PROVISIONAL_YEARS past the last one.
 * Built once from data, then immutable: every question is answered from prefix counts, so
 * adding or counting working days costs the same for a week as for a year.
 */
export class BusinessCalendar {
  private readonly firstDay: number;
  private readonly days: readonly CalendarDay[];
  /** workdaysBefore[i]: working days among days[0 .. i-1]. */
  private readonly workdaysBefore: Int32Array;
  /** Index into `days` of the k-th working day. */
  private readonly workdayIndex: Int32Array;
  /** provisionalBefore[i]: provisional days among days[0 .. i-1]. */
  private readonly provisionalBefore: Int32Array;
  private readonly officeHoursEndMs: number;
  private readonly coverage: Coverage;

  private constructor(days: CalendarDay[], officeHoursEndMs: number, coverage: Coverage) {
    this.days = days;
    this.firstDay = toEpochDay(days[0].date);
    this.officeHoursEndMs = officeHoursEndMs;
    this.coverage = coverage;
    this.workdaysBefore = new Int32Array(days.length + 1);
    this.provisionalBefore = new Int32Array(days.length + 1);
    const workdayIndex: number[] = [];
    days.forEach((day, i) => {
      if (day.isWorkday) workdayIndex.push(i);
      this.workdaysBefore[i + 1] = workdayIndex.length;
      this.provisionalBefore[i + 1] = this.provisionalBefore[i] + (day.provisional ? 1 : 0);
    });
    this.workdayIndex = Int32Array.from(workdayIndex);
  }

  /**
   * `rows` are the stored days of the official years and the admins' overrides; when two rows
   * share a date the later one wins, so pass overrides last. A stored row is authoritative even
   * in a provisional year.
   */
  static fromDays(rows: readonly CalendarDayRow[], options: CalendarOptions): BusinessCalendar {
    const { officialYears, officeHoursEnd = '17:00' } = options;
    if (officialYears.length === 0 || !officialYears.every(Number.isInteger)) {
      throw new RangeError('officialYears must list at least one year');
    }
    const firstYear = Math.min(...officialYears);
    const lastOfficialYear = Math.max(...officialYears);
    const lastYear = lastOfficialYear + PROVISIONAL_YEARS;
    // Every notice has holidays: an official year without rows means its notice was not loaded.
    const unloaded = officialYears.filter((year) => !rows.some((row) => row.date.startsWith(`${year}-`)));
    if (unloaded.length > 0) throw new RangeError(`No stored days for official year(s) ${unloaded.join(', ')}`);

    const stored = new Map(rows.map((row) => [toEpochDay(row.date), row]));
    const official = new Set(officialYears);
    const days: CalendarDay[] = [];
    for (let year = firstYear; year <= lastYear; year++) {
      days.push(...yearOfDays(year, stored, official.has(year)));
    }
    return new BusinessCalendar(days, parseOfficeHoursEnd(officeHoursEnd), { firstYear, lastOfficialYear, lastYear });
  }

  day(date: LocalDate): CalendarResult<CalendarDay> {
    const i = this.indexOf(toEpochDay(date));
    return typeof i === 'number' ? { ok: true, ...this.days[i] } : i;
  }

  /** Every day from `from` to `to`, both included. */
  daysBetween(from: LocalDate, to: LocalDate): CalendarResult<{ items: CalendarDay[] }> {
    const start = this.indexOf(toEpochDay(from));
    if (typeof start !== 'number') return start;
    const end = this.indexOf(toEpochDay(to));
    if (typeof end !== 'number') return end;
    return { ok: true, items: this.days.slice(start, end + 1) };
  }

  /** The `days`-th working day after `from`; `from` itself never counts, and 0 days gives `from`. */
  addWorkingDays(from: LocalDate, days: number): WorkingDay {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
    const start = this.indexOf(toEpochDay(from));
    if (typeof start !== 'number') return start;
    if (days === 0) return { ok: true, date: from, provisional: false };
    const rank = this.workdaysBefore[start + 1] + days - 1;
    if (rank >= this.workdayIndex.length) return this.beyond(this.coverage.lastYear + 1);
    const target = this.workdayIndex[rank];
    return { ok: true, date: this.days[target].date, provisional: this.anyProvisional(start + 1, target) };
  }

  /** Working days after `from` up to and including `to`: the inverse of addWorkingDays. Negative when `to` is earlier. */
  countWorkingDays(from: LocalDate, to: LocalDate): WorkingDayCount {
    const a = this.indexOf(toEpochDay(from));
    if (typeof a !== 'number') return a;
    const b = this.indexOf(toEpochDay(to));
    if (typeof b !== 'number') return b;
    return this.countBetween(a, b, false);
  }

  /**
   * The working day whose business an instant belongs to: its own date when that is a working
   * day and the office is still open, otherwise the next working day. A case accepted on
   * Friday evening or on Sunday is treated as accepted on Monday.
   */
  workingDayOf(at: Instant): WorkingDay {
    const found = this.workingDayIndexOf(at);
    return 'index' in found ? { ok: true, date: this.days[found.index].date, provisional: found.provisional } : found;
  }

  /** Working days between the working days two instants belong to (see workingDayOf). */
  elapsedWorkingDays(from: Instant, to: Instant): WorkingDayCount {
    const a = this.workingDayIndexOf(from);
    if (!('index' in a)) return a;
    const b = this.workingDayIndexOf(to);
    if (!('index' in b)) return b;
    return this.countBetween(a.index, b.index, a.provisional || b.provisional);
  }

  /** The instant the office closes on `date`: the moment a deadline on that day falls due. */
  endOfOfficeHours(date: LocalDate): string {
    return chinaTimeToIso(toEpochDay(date), this.officeHoursEndMs);
  }

  private workingDayIndexOf(at: Instant): { index: number; provisional: boolean } | BeyondHorizon {
    const { epochDay, msIntoDay } = chinaDayAndTime(toEpochMs(at));
    const i = this.indexOf(epochDay);
    if (typeof i !== 'number') return i;
    if (this.days[i].isWorkday && msIntoDay < this.officeHoursEndMs) {
      return { index: i, provisional: this.days[i].provisional };
    }
    const rank = this.workdaysBefore[i + 1];
    if (rank >= this.workdayIndex.length) return this.beyond(this.coverage.lastYear + 1);
    const next = this.workdayIndex[rank];
    return { index: next, provisional: this.anyProvisional(i, next) };
  }

  private countBetween(a: number, b: number, provisional: boolean): WorkingDayCount {
    const [low, high] = a <= b ? [a, b] : [b, a];
    return {
      ok: true,
      days: this.workdaysBefore[b + 1] - this.workdaysBefore[a + 1],
      provisional: provisional || this.anyProvisional(low + 1, high),
    };
  }

  /** Whether any of days[from .. to] (both included) is provisional. */
  private anyProvisional(from: number, to: number): boolean {
    return from <= to && this.provisionalBefore[to + 1] > this.provisionalBefore[from];
  }

  private indexOf(epochDay: number): number | BeyondHorizon {
    const i = epochDay - this.firstDay;
    return i >= 0 && i < this.days.length ? i : this.beyond(yearOfEpochDay(epochDay));
  }

  private beyond(year: number): BeyondHorizon {
    return beyondHorizon(year, this.coverage);
  }
}

/** The days of one year: stored rows first, then (without a notice) the statute, then the week. */
function yearOfDays(year: number, stored: Map<number, CalendarDayRow>, official: boolean): CalendarDay[] {
  const statutory = new Map(official ? [] : statutoryDaysOff(year).map((row) => [row.date, row]));
  const days: CalendarDay[] = [];
  const end = toEpochDay(`${year}-12-31`);
  for (let epochDay = toEpochDay(`${year}-01-01`); epochDay <= end; epochDay++) {
    const date = fromEpochDay(epochDay);
    const row = stored.get(epochDay);
    const fallback = statutory.get(date) ?? { isWorkday: !isWeekend(epochDay), note: null };
    days.push(
      Object.freeze(
        row
          ? { date, isWorkday: row.isWorkday, note: row.note ?? null, provisional: false }
          : { date, isWorkday: fallback.isWorkday, note: fallback.note, provisional: !official },
      ),
    );
  }
  return days;
}
