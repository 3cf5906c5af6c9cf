import { CalendarChange } from './calendar-change.entity.js';
import { CalendarDayRecord } from './calendar-day.entity.js';
import { CalendarYear } from './calendar-year.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const calendarEntities = [CalendarDayRecord, CalendarYear, CalendarChange];
