import { chinaMidnight, isLocalDate } from '@app/business-calendar';
import { badRequest } from '../http/problem.js';

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_REPORT_DAYS = 30;

/** 'YYYY-MM-DD' (a China date: `from` its start, `to` its end) or an ISO-8601 instant with an offset. */
export const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/;
export const DATE_OR_INSTANT_MESSAGE = '$property must be a date YYYY-MM-DD or an ISO-8601 date-time with offset';

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
    if (!isLocalDate(text)) throw invalid(text, path);
    return chinaMidnight(text, endOfDay);
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw invalid(text, path);
  return new Date(ms);
}

function invalid(text: string, path: string) {
  return badRequest('validation.failed', `"${text}" is not a date.`, [{ path, message: `${path} must be a real date` }]);
}
