import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date, or NaN when it is not a real calendar date (2026-02-30). */
export function epochDayOf(date: string): number {
  if (!LOCAL_DATE.test(date)) return NaN;
  const epochDay = Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
  return Number.isInteger(epochDay) && dateOfEpochDay(epochDay) === date ? epochDay : NaN;
}

export function dateOfEpochDay(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isLocalDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(epochDayOf(value));
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function isWeekend(date: string): boolean {
  const weekday = new Date(epochDayOf(date) * MS_PER_DAY).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** A 'YYYY-MM-DD' calendar date that exists (not 2026-02-30); `each: true` for arrays. */
export const IsLocalDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: isLocalDate,
        defaultMessage: buildMessage((each) => `${each}$property must be a calendar date YYYY-MM-DD`, options),
      },
    },
    options,
  );
