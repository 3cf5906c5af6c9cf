import { MS_PER_DAY, toEpochDay, type LocalDate } from './local-date.js';

/** A moment in time: a Date, or an ISO-8601 string that states its offset ('Z' or '+08:00'). */
export type Instant = Date | string;

// China Standard Time has had no daylight saving since 1991, so a fixed offset is exact. The only
// place the offset is written: SQL that needs it takes CHINA_OFFSET_SECONDS from here.
export const CHINA_OFFSET_MS = 8 * 3_600_000;
export const CHINA_OFFSET_SECONDS = CHINA_OFFSET_MS / 1000;
const EXPLICIT_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const OFFICE_HOURS_END = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function toEpochMs(instant: Instant): number {
  // A string without an offset would be read in the server's own zone: refuse it rather than guess.
  const ms =
    instant instanceof Date ? instant.getTime() : EXPLICIT_OFFSET.test(instant) ? Date.parse(instant) : NaN;
  if (Number.isNaN(ms)) {
    throw new RangeError(`Not an instant (Date or ISO-8601 string with offset): ${String(instant)}`);
  }
  return ms;
}

export function toIsoString(instant: Instant): string {
  return new Date(toEpochMs(instant)).toISOString();
}

/** The China calendar day of an instant and how far into that day it falls. */
export function chinaDayAndTime(epochMs: number): { epochDay: number; msIntoDay: number } {
  const local = epochMs + CHINA_OFFSET_MS;
  const epochDay = Math.floor(local / MS_PER_DAY);
  return { epochDay, msIntoDay: local - epochDay * MS_PER_DAY };
}

export function chinaTimeToIso(epochDay: number, msIntoDay: number): string {
  return new Date(epochDay * MS_PER_DAY + msIntoDay - CHINA_OFFSET_MS).toISOString();
}

/** 'HH:MM' China time -> milliseconds after local midnight. */
export function parseOfficeHoursEnd(hhmm: string): number {
  const match = OFFICE_HOURS_END.exec(hhmm);
  if (!match) throw new RangeError(`officeHoursEnd must be 'HH:MM', got ${JSON.stringify(hhmm)}`);
  return (Number(match[1]) * 60 + Number(match[2])) * 60_000;
}

/** The calendar date in China ('YYYY-MM-DD') at an instant: "today" for ID checks, ages and benefit periods. */
export function chinaDate(at: Instant): LocalDate {
  return new Date(toEpochMs(at) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** China midnight at the start of a date (with `endOfDay`, the next midnight: the date's end). */
export function chinaMidnight(date: LocalDate, endOfDay = false): Date {
  return new Date(toEpochDay(date) * MS_PER_DAY - CHINA_OFFSET_MS + (endOfDay ? MS_PER_DAY : 0));
}

/** A China-time 'YYYY-MM-DD HH:mm' for people (facts keep the ISO instant); anything else comes back as text. */
export function formatChinaMinute(iso: unknown): string {
  const ms = Date.parse(String(iso));
  if (Number.isNaN(ms)) return String(iso);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
