import { badRequest } from '../http/problem.js';

const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_REPORT_DAYS = 30;

/**
 * The half-open range [from, to) of a report. A China date as `from` starts at its midnight; as `to` it
 * includes the whole day. Without `to` the range ends now; without `from` it spans the 30 days before `to`.
 */
export function reportRange(from: string | undefined, to: string | undefined, now: Date): { from: Date; to: Date } {
  const end = to === undefined ? now : rangeBoundary(to, 'to', true);
  const start = from === undefined ? new Date(end.getTime() - DEFAULT_REPORT_DAYS * MS_PER_DAY) : rangeBoundary(from, 'from', false);
  if (start.getTime() >= end.getTime()) {
    throw badRequest('analytics.invalid_range', `The range ends (${end.toISOString()}) before it starts (${start.toISOString()}).`, [
      { path: 'to', message: 'must be after from' },
    ]);
  }
  return { from: start, to: end };
}

/** A China date (its midnight, or with `endOfDay` the next midnight) or an instant; a 400 naming `path` otherwise. */
export function rangeBoundary(text: string, path: string, endOfDay: boolean): Date {
  if (LOCAL_DATE.test(text)) {
    const midnight = Date.parse(`${text}T00:00:00Z`);
    if (Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== text) throw invalid(text, path);
    return new Date(midnight - CHINA_OFFSET_MS + (endOfDay ? MS_PER_DAY : 0));
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw invalid(text, path);
  return new Date(ms);
}

function invalid(text: string, path: string) {
  return badRequest('validation.failed', `"${text}" is not a date.`, [{ path, message: `${path} must be a real date` }]);
}
