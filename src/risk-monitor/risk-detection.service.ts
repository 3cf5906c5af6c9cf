import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { reportSession } from '../reporting/report-session.js';
import { SqlParams } from '../reporting/sql-params.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { badRequest } from '../http/problem.js';
import { ClockService } from '../time/clock.service.js';
import { detectionWindow, type DetectionWindow } from './detection-window.js';
import { DECIDED_CASES, FAMILIES, candidatesCte, type Family } from './detectors.js';
import { FLAG_KIND_CODES, FLAG_KINDS, describe, type FlagKind } from './flag-kinds.js';
import type { ForecastItem, ForecastQuery, ForecastView } from './risk-monitor.dto.js';

/** A candidate flag as the detectors' SQL returns it. */
interface CandidateRow {
  kind: FlagKind;
  target_key: string;
  case_id: string | null;
  task_id: string | null;
  department_code: string | null;
  facts: Record<string, unknown>;
}

const SEVERITY_ORDER = { red: 0, yellow: 1 } as const;

/** What the detectors find at an instant: the forecast answers it, the scan and the check store it. */
@Injectable()
export class RiskDetection {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly calendars: CalendarService,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The thresholds of a detection at `asOf` (default now), worked out once from the current calendar. */
  async window(asOf?: Date): Promise<DetectionWindow> {
    const { calendar, officialYears } = await this.calendars.snapshot();
    const now = this.clock.now();
    return detectionWindow(calendar, officialYears, this.config.risk, asOf ?? now, now);
  }

  /**
   * What a scan at `asOf` would hold open, without writing anything. The review of decided cases
   * (decision_too_fast, auto_approval_sample) looks back, not ahead: it is included when `kind` names it.
   */
  @Transactional()
  async forecast(query: ForecastQuery): Promise<ForecastView> {
    await reportSession(this.txHost.tx);
    const window = await this.window(query.asOf === undefined ? undefined : parseInstant(query.asOf));
    const wanted = FLAG_KIND_CODES.filter((kind) => (!query.kind || kind === query.kind) && (!query.severity || FLAG_KINDS[kind].severity === query.severity));
    const limit = query.limit ?? 1000;
    const counts: Partial<Record<FlagKind, number>> = {};
    const items: ForecastItem[] = [];
    for (const family of FAMILIES) {
      const kinds = wanted.filter((kind) => family.parts[kind] && (family !== DECIDED_CASES || query.kind));
      if (kinds.length === 0) continue;
      const found = await this.found(family, kinds, window, query, limit);
      Object.assign(counts, found.counts);
      items.push(...found.items);
    }
    items.sort(byRank);
    return { asOf: window.asOf, total: Object.values(counts).reduce((sum, n) => sum + n, 0), counts, items: items.slice(0, limit) };
  }

  /** One family's counts, and its first `limit` candidates in the forecast's order with their full facts. */
  private async found(family: Family, kinds: FlagKind[], window: DetectionWindow, query: ForecastQuery, limit: number) {
    const p = new SqlParams();
    const caseScope = query.caseId && kinds.every((kind) => FLAG_KINDS[kind].perCase) ? query.caseId : null;
    const filters = ['TRUE'];
    if (query.departmentCode) filters.push(`c.department_code = ${p.add(query.departmentCode)}`);
    if (query.caseId) filters.push(`c.case_id = ${p.add(query.caseId)}::uuid`);
    const cte = candidatesCte(family, kinds, p, window, caseScope);
    const rank = `CASE c.kind ${kinds.map((kind) => `WHEN '${kind}' THEN ${FLAG_KINDS[kind].severity === 'red' ? 0 : 1}`).join(' ')} END`;
    const [row] = await this.txHost.tx.query<Array<{ counts: Partial<Record<FlagKind, number>>; items: CandidateRow[] }>>(
      `${cte}, chosen AS (SELECT * FROM candidates c WHERE ${filters.join(' AND ')})
       SELECT (SELECT coalesce(jsonb_object_agg(kind, n), '{}'::jsonb) FROM (SELECT kind, count(*)::int AS n FROM chosen GROUP BY kind) k) AS counts,
              (SELECT coalesce(jsonb_agg(x), '[]'::jsonb) FROM (
                 SELECT c.kind, c.target_key, c.case_id, c.task_id, c.department_code, ${family.enrich?.('c') ?? 'c.facts'} AS facts
                   FROM chosen c ORDER BY ${rank}, c.kind, c.target_key COLLATE "C" LIMIT ${p.add(limit)}) x) AS items`,
      p.values,
    );
    return {
      counts: row.counts,
      items: row.items.map((candidate) => ({
        kind: candidate.kind,
        severity: FLAG_KINDS[candidate.kind].severity,
        caseId: candidate.case_id,
        taskId: candidate.task_id,
        departmentCode: candidate.department_code,
        targetKey: candidate.target_key,
        detail: describe(candidate.kind, candidate.facts),
        facts: candidate.facts,
      })),
    };
  }
}

/** Red first, then by kind and target, as the SQL orders them (byte order, like COLLATE "C"). */
function byRank(a: ForecastItem, b: ForecastItem): number {
  const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compare(a.kind, b.kind) || compare(a.targetKey, b.targetKey);
}

function parseInstant(text: string): Date {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw badRequest('validation.failed', `"${text}" is not a date-time.`, [{ path: 'asOf', message: 'asOf must be a real date-time' }]);
  return new Date(ms);
}
