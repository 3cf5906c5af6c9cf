import { WorkingTime, WorkingTimeSql } from '@app/business-calendar';
import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { CalendarService } from '../calendar/calendar.service.js';
import { DECIDED_STATUSES } from '../cases/staff-decisions.js';
import { ClockService } from '../time/clock.service.js';
import type { RatingGroup, RatingRow, RatingsQuery, RatingsReport, RatingTicketRow, RatingTicketsQuery, RatingTicketsReport, TurnaroundGroup, TurnaroundQuery, TurnaroundReport, TurnaroundRow } from './analytics.dto.js';
import { reportRange } from '../reporting/report-range.js';
import { reportSession } from '../reporting/report-session.js';
import { SqlParams } from '../reporting/sql-params.js';

export const SYSTEM_CLERK = '(system)';

/** How a group's key and label are shown; a clerk is grouped by id and named after grouping. */
const SHOWN: Record<TurnaroundGroup, { key: (params: SqlParams) => string; join: string; label: string }> = {
  serviceItem: { key: () => 'r.key', join: '', label: '(SELECT s.name FROM service_item s WHERE s.code = r.key)' },
  department: { key: () => 'r.key', join: '', label: '(SELECT d.name FROM department d WHERE d.code = r.key)' },
  clerk: { key: (params) => `coalesce(u.username, ${params.add(SYSTEM_CLERK)})`, join: 'LEFT JOIN app_user u ON u.id = r.key', label: 'u.display_name' },
};

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Supervisor reports, computed in one SQL statement each: percentiles with percentile_cont, working time
 * with the calendar's per-day counts as parameters (WorkingTimeSql).
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly calendars: CalendarService,
    private readonly clock: ClockService,
  ) {}

  /** Working hours from acceptance to decision of the cases decided in the range. */
  @Transactional()
  async turnaround(query: TurnaroundQuery): Promise<TurnaroundReport> {
    const groupBy = query.groupBy ?? 'serviceItem';
    const range = reportRange(query.from, query.to, this.clock.now());
    const { calendar, officialYears } = await this.calendars.snapshot();
    const params = new SqlParams();
    const working = new WorkingTimeSql(WorkingTime.of(calendar, officialYears), params);
    const filters = this.filters(params, query, 'c.finished_at', range);
    // Only what the covering index of decided cases holds (case_record_finished_idx): the clerk is the
    // case's `decided_by`, kept by the engine as the last staff member who decided.
    const key = groupBy === 'serviceItem' ? 'd.service_item_code' : groupBy === 'department' ? 'd.department_code' : 'd.decided_by';
    await reportSession(this.txHost.tx);
    const rows = await this.txHost.tx.query<Array<{ key: string; label: string | null; count: number; p50: number; p90: number; overdue: number; statutory: number }>>(
      `WITH decided AS (
         SELECT c.service_item_code, c.department_code, c.decided_by,
                ${working.between('c.accepted_at', 'c.finished_at')} AS worked,
                (c.finished_at >= c.promised_deadline) AS late,
                (c.finished_at >= c.statutory_deadline) AS late_statutory
           FROM case_record c
          WHERE ${filters} AND c.accepted_at IS NOT NULL AND c.service_item_code IS NOT NULL
            AND c.status = ANY(${params.add(DECIDED_STATUSES)})
       )
       SELECT * FROM (
         SELECT ${SHOWN[groupBy].key(params)} AS key, ${SHOWN[groupBy].label} AS label, r.count, r.p50, r.p90, r.overdue, r.statutory FROM (
           SELECT ${key} AS key, count(*)::int AS count,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY d.worked) AS p50,
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY d.worked) AS p90,
                  avg(d.late::int)::float8 AS overdue,
                  avg(d.late_statutory::int)::float8 AS statutory
             FROM decided d
            WHERE d.worked IS NOT NULL${groupBy === 'clerk' ? '' : ` AND ${key} IS NOT NULL`}
            GROUP BY 1
         ) r ${SHOWN[groupBy].join}
       ) shown ORDER BY shown.key COLLATE "C"`,
      params.values,
    );
    const items: TurnaroundRow[] = rows.map((row) => ({
      key: row.key,
      label: row.label,
      count: row.count,
      // Four decimals (a third of a second): cases decided within the hour are read in minutes.
      p50Hours: round(row.p50 / 3600, 4),
      p90Hours: round(row.p90 / 3600, 4),
      overdueRate: round(row.overdue ?? 0, 4),
      statutoryOverdueRate: round(row.statutory ?? 0, 4),
    }));
    return { groupBy, ...range, items };
  }

  /** 好差评 given in the range: count, mean, and how many scored 1 or 2. */
  @Transactional()
  async ratings(query: RatingsQuery): Promise<RatingsReport> {
    const groupBy: RatingGroup = query.groupBy ?? 'serviceItem';
    const range = reportRange(query.from, query.to, this.clock.now());
    await reportSession(this.txHost.tx);
    const params = new SqlParams();
    const filters = this.filters(params, query, 'r.created_at', range);
    const key = groupBy === 'serviceItem' ? 'coalesce(c.service_item_code, c.bundle_code)' : 'c.department_code';
    const label =
      groupBy === 'serviceItem'
        ? 'coalesce((SELECT s.name FROM service_item s WHERE s.code = g.key), (SELECT b.name FROM bundle b WHERE b.code = g.key))'
        : '(SELECT d.name FROM department d WHERE d.code = g.key)';
    const rows = await this.txHost.tx.query<Array<{ key: string; label: string | null; count: number; average: number; low: number }>>(
      `SELECT g.*, ${label} AS label FROM (
         SELECT ${key} AS key, count(*)::int AS count, avg(r.score)::float8 AS average, count(*) FILTER (WHERE r.score <= 2)::int AS low
           FROM case_rating r JOIN case_record c ON c.id = r.case_id
          WHERE ${filters}
            -- A rating found malicious on appeal (差评 申诉 upheld) no longer counts.
            AND NOT EXISTS (SELECT 1 FROM rating_ticket t WHERE t.case_id = r.case_id AND t.outcome = 'appeal_upheld')
          GROUP BY 1
       ) g WHERE g.key IS NOT NULL ORDER BY g.key COLLATE "C"`,
      params.values,
    );
    const items: RatingRow[] = rows.map((row) => ({ key: row.key, label: row.label, count: row.count, average: round(row.average, 2), low: row.low }));
    return { groupBy, ...range, items };
  }

  /** 差评 整改 per department: tickets opened and closed in the range, their turnaround, and what is open or overdue now. */
  @Transactional()
  async ratingTickets(query: RatingTicketsQuery): Promise<RatingTicketsReport> {
    const now = this.clock.now();
    const range = reportRange(query.from, query.to, now);
    await reportSession(this.txHost.tx);
    const p = new SqlParams();
    const within = (column: string) => `(${column} >= ${p.add(range.from)} AND ${column} < ${p.add(range.to)})`;
    const openedIn = within('t.opened_at');
    const closedIn = within('t.closed_at');
    const conditions = [`(${openedIn} OR ${closedIn} OR t.status <> 'closed')`];
    if (query.serviceItemCode) conditions.push(`c.service_item_code = ${p.add(query.serviceItemCode)}`);
    if (query.departmentCode) conditions.push(`t.department_code = ${p.add(query.departmentCode)}`);
    const rows = await this.txHost.tx.query<
      Array<{ key: string; label: string | null; opened: number; closed: number; upheld: number; on_time: number; turnaround: number | null; open: number; overdue: number }>
    >(
      `SELECT g.*, (SELECT d.name FROM department d WHERE d.code = g.key) AS label FROM (
         SELECT t.department_code AS key,
                count(*) FILTER (WHERE ${openedIn})::int AS opened,
                count(*) FILTER (WHERE ${closedIn})::int AS closed,
                count(*) FILTER (WHERE ${closedIn} AND t.outcome = 'appeal_upheld')::int AS upheld,
                count(*) FILTER (WHERE ${closedIn} AND t.closed_at <= t.due_at)::int AS on_time,
                (avg(extract(epoch FROM t.closed_at - t.opened_at)) FILTER (WHERE ${closedIn}) / 86400.0)::float8 AS turnaround,
                count(*) FILTER (WHERE t.status <> 'closed')::int AS open,
                count(*) FILTER (WHERE t.status <> 'closed' AND t.due_at <= ${p.add(now)})::int AS overdue
           FROM rating_ticket t JOIN case_record c ON c.id = t.case_id
          WHERE ${conditions.join(' AND ')}
          GROUP BY 1
       ) g WHERE g.key IS NOT NULL ORDER BY g.key COLLATE "C"`,
      p.values,
    );
    const items: RatingTicketRow[] = rows.map((row) => ({
      key: row.key,
      label: row.label,
      opened: row.opened,
      closed: row.closed,
      appealsUpheld: row.upheld,
      closedOnTime: row.on_time,
      averageTurnaroundDays: row.turnaround === null ? null : round(row.turnaround, 2),
      open: row.open,
      overdue: row.overdue,
    }));
    return { ...range, items };
  }

  private filters(params: SqlParams, query: { serviceItemCode?: string; departmentCode?: string }, at: string, range: { from: Date; to: Date }): string {
    const conditions = [`${at} >= ${params.add(range.from)}`, `${at} < ${params.add(range.to)}`];
    if (query.serviceItemCode) conditions.push(`c.service_item_code = ${params.add(query.serviceItemCode)}`);
    if (query.departmentCode) conditions.push(`c.department_code = ${params.add(query.departmentCode)}`);
    return conditions.join(' AND ');
  }
}
