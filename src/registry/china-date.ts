// China Standard Time has had no daylight saving since 1991: a fixed +08:00 offset is exact.
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in China ('YYYY-MM-DD') at an instant: "today" for ID checks, ages and benefit periods. */
export function chinaDate(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
