import type { LocalDate } from './local-date.js';

/** A stored day that departs from the Monday-to-Friday week, or an admin's override. */
export interface CalendarDayRow {
  date: LocalDate;
  isWorkday: boolean;
  note: string | null;
}

export interface CalendarDay extends CalendarDayRow {
  /** Derived from the statutory rules because the year's official notice is not loaded yet. */
  provisional: boolean;
}
