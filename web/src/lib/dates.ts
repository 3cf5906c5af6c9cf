/** Dates are shown in China time, where the deadlines are counted, whatever the viewer's machine says. */
const ZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export type Urgency = 'overdue' | 'soon' | 'ok' | 'none';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Red when past due, yellow within a day of it, green otherwise. */
export function urgencyOf(dueAt: string | null | undefined, now = Date.now()): Urgency {
  if (!dueAt) return 'none';
  const left = new Date(dueAt).getTime() - now;
  if (left < 0) return 'overdue';
  return left <= DAY_MS ? 'soon' : 'ok';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A `<input type="datetime-local">` value for a Date, in the viewer's time. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "What will be late by Friday?": the coming Friday at 17:00 (today's, until 17:00 on a Friday). */
export function comingFridayFivePm(now = new Date()): Date {
  const friday = new Date(now);
  friday.setHours(17, 0, 0, 0);
  friday.setDate(friday.getDate() + ((5 - friday.getDay() + 7) % 7));
  if (friday.getTime() <= now.getTime()) friday.setDate(friday.getDate() + 7);
  return friday;
}

/** `YYYY-MM-DD` of a calendar day, with no time zone shift. */
export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}
