/** A calendar date in China ('YYYY-MM-DD', Asia/Shanghai), with no time of day. */
export type LocalDate = string;

export const MS_PER_DAY = 86_400_000;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01: integer arithmetic on dates without time-zone surprises. */
export function toEpochDay(date: LocalDate): number {
  const match = LOCAL_DATE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const epochDay = Date.UTC(year, month - 1, day) / MS_PER_DAY;
    // Date.UTC rolls 2026-02-30 over into March; a round trip catches it.
    if (fromEpochDay(epochDay) === date) return epochDay;
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

export function fromEpochDay(epochDay: number): LocalDate {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOfEpochDay(epochDay: number): number {
  return new Date(epochDay * MS_PER_DAY).getUTCFullYear();
}

export function isWeekend(epochDay: number): boolean {
  // 1970-01-01 was a Thursday (weekday 4, Sunday = 0).
  const weekday = (((epochDay + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date, or NaN when it is not a real calendar date (2026-02-30). */
export function epochDayOrNaN(date: string): number {
  try {
    return toEpochDay(date);
  } catch {
    return NaN;
  }
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && !Number.isNaN(epochDayOrNaN(value));
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}
