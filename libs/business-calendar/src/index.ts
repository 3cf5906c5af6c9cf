export { BusinessCalendar, PROVISIONAL_YEARS, type CalendarOptions } from './business-calendar.js';
export type { CalendarDay, CalendarDayRow } from './calendar-day.js';
export type { BeyondHorizon, CalendarResult } from './calendar-result.js';
export { CHINA_OFFSET_MS, CHINA_OFFSET_SECONDS, chinaDate, chinaMidnight, formatChinaMinute, type Instant } from './china-time.js';
export {
  extend,
  isPaused,
  pause,
  resume,
  startClock,
  type Clock,
  type ClockError,
  type ClockEvent,
  type ClockLimits,
  type ClockResult,
  type Extension,
} from './clock.js';
export {
  DEFAULT_THRESHOLDS,
  deadlines,
  status,
  type ClockReading,
  type ClockStatus,
  type Deadlines,
  type StatusThresholds,
} from './clock-deadlines.js';
export { epochDayOrNaN, fromEpochDay, isLocalDate, isWeekend, toEpochDay, yearOf, type LocalDate } from './local-date.js';
export { MAKE_UP_WORKDAY_NOTE, officialDaysFromChineseDays } from './official-days.js';
export { statutoryDaysOff } from './statutory-days-off.js';
export { OFFICE_DAY_SECONDS, WorkingTime } from './working-time.js';
export { WorkingTimeSql, type SqlParameters } from './working-time-sql.js';
