import type { SqlParams } from './sql-params.js';
import { OFFICE_DAY_SECONDS, type WorkingTime } from './working-time.js';

/**
 * A SQL expression for WorkingTime.secondsAt(column): the calendar's per-day counts travel as array
 * parameters, so each row costs two array subscripts — no calendar table, no join, no loop in JS.
 * NULL outside the calendar's span, like secondsAt.
 */
export class WorkingTimeSql {
  private readonly before: string;
  private readonly workday: string;
  private readonly first: string;
  private readonly open: string;

  constructor(time: WorkingTime, params: SqlParams) {
    // One entry per day: an instant past the last day must find nothing, not the total.
    this.before = params.add(time.before.slice(0, -1));
    this.workday = params.add(time.workday);
    this.first = params.add(time.firstDate);
    this.open = params.add(time.openSeconds);
  }

  secondsAt(column: string): string {
    const local = `(${column} AT TIME ZONE 'Asia/Shanghai')`;
    const index = `(${local}::date - ${this.first}::date + 1)`;
    return (
      `((${this.before}::bigint[])[${index}] + CASE WHEN (${this.workday}::boolean[])[${index}] ` +
      `THEN least(greatest(date_part('epoch', ${local}::time) - ${this.open}::int, 0), ${OFFICE_DAY_SECONDS}) ELSE 0 END)`
    );
  }

  /** Working seconds from `from` to `to`. */
  between(from: string, to: string): string {
    return `(${this.secondsAt(to)} - ${this.secondsAt(from)})`;
  }
}
