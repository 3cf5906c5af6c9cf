/** China Standard Time has no daylight saving: UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 3600_000;

export interface QuietHours {
  /** Hour of the day (China time) from which no SMS goes out, e.g. 22. */
  startHour: number;
  /** Hour of the day (China time) at which they go out again, e.g. 8. */
  endHour: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { startHour: 22, endHour: 8 };

/**
 * When a non-urgent SMS may go out: `now` itself outside quiet hours, else the next end of quiet hours
 * (08:00 China time). Works for windows that wrap midnight (22→8) and for those that do not.
 */
export function sendableAt(now: Date, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date {
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  const hour = local.getUTCHours();
  const wraps = quiet.startHour > quiet.endHour;
  const inside = wraps ? hour >= quiet.startHour || hour < quiet.endHour : hour >= quiet.startHour && hour < quiet.endHour;
  if (!inside) return now;
  const end = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), quiet.endHour));
  // Before midnight in a window that wraps, the morning is tomorrow's.
  if (wraps && hour >= quiet.startHour) end.setUTCDate(end.getUTCDate() + 1);
  return new Date(end.getTime() - CHINA_OFFSET_MS);
}
