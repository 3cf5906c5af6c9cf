import { BusinessCalendar, type CalendarDayRow } from '@app/business-calendar';
import type { EntityManager } from 'typeorm';

/** The calendar as of one version: built once per version and shared until the next change. */
export interface CalendarSnapshot {
  version: number;
  calendar: BusinessCalendar;
  /** Years whose State Council notice is loaded, ascending. */
  officialYears: readonly number[];
  /** Dates an admin changed locally; they win over the notice. */
  overrides: ReadonlySet<string>;
}

/** The calendar's version: that of its latest change (0 before any). See CalendarChange. */
export async function readCalendarVersion(manager: EntityManager): Promise<number> {
  const [row] = (await manager.query('SELECT coalesce(max(version), 0) AS version FROM calendar_change')) as { version: number }[];
  return Number(row.version);
}

/**
 * Serialises every write to the calendar across processes until the transaction ends: versions then
 * commit in order, and start-up loads of the bundled notices in several processes cannot interleave.
 */
export async function lockCalendar(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ywtb.calendar'))`);
}

/**
 * Reads the stored days and builds the calendar; null while no notice is loaded. The version is read
 * first, so a change committing meanwhile can only make the snapshot newer than its label, never older.
 */
export async function readCalendar(manager: EntityManager): Promise<CalendarSnapshot | null> {
  const version = await readCalendarVersion(manager);
  const years = (await manager.query('SELECT year FROM calendar_year ORDER BY year')) as { year: number }[];
  if (years.length === 0) return null;
  // Official rows first and overrides last: BusinessCalendar lets the later row of a date win.
  const rows = (await manager.query(
    `SELECT date::text AS date, is_workday AS "isWorkday", note, source
       FROM calendar_day ORDER BY source = 'override', date`,
  )) as (CalendarDayRow & { source: string })[];
  const officialYears = years.map(({ year }) => Number(year));
  return {
    version,
    calendar: BusinessCalendar.fromDays(rows, { officialYears }),
    officialYears,
    overrides: new Set(rows.filter((row) => row.source === 'override').map((row) => row.date)),
  };
}
