import { CHINA_OFFSET_SECONDS } from './china-time.js';
import { MS_PER_DAY, toEpochDay } from './local-date.js';
import { OFFICE_DAY_SECONDS, type WorkingTime } from './working-time.js';

const DAY_SECONDS = MS_PER_DAY / 1000;

/** Binds a value as a parameter of hand-written SQL and answers its placeholder (`$3`). */
export interface SqlParameters {
  add(value: unknown): string;
}

/**
 * A SQL expression for WorkingTime.secondsAt(column): the calendar's per-day counts travel as array
 * parameters, so each row costs a little arithmetic on its epoch and two array subscripts — no calendar
 * table, no join, no time-zone conversion (China has a fixed offset), no loop in JS. NULL outside the
 * calendar's span, like secondsAt.
 */
export class WorkingTimeSql {
  private readonly before: string;
  private readonly workday: string;
  private readonly firstDay: string;
  private readonly open: string;

  constructor(time: WorkingTime, params: SqlParameters) {
    // One entry per day: an instant past the last day must find nothing, not the total.
    this.before = params.add(time.before.slice(0, -1));
    this.workday = params.add(time.workday);
    this.firstDay = params.add(toEpochDay(time.firstDate));
    this.open = params.add(time.openSeconds);
  }

  secondsAt(column: string): string {
    const local = `(date_part('epoch', ${column}) + ${CHINA_OFFSET_SECONDS})`;
    const day = `floor(${local} / ${DAY_SECONDS})`;
    const index = `(${day}::int - ${this.firstDay}::int + 1)`;
    const intoDay = `(${local} - ${day} * ${DAY_SECONDS})`;
    return (
      `((${this.before}::bigint[])[${index}] + CASE WHEN (${this.workday}::boolean[])[${index}] ` +
      `THEN least(greatest(${intoDay} - ${this.open}::int, 0), ${OFFICE_DAY_SECONDS}) ELSE 0 END)`
    );
  }

  /** Working seconds from `from` to `to`. */
  between(from: string, to: string): string {
    return `(${this.secondsAt(to)} - ${this.secondsAt(from)})`;
  }
}
