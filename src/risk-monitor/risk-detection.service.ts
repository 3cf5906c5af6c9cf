import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { SqlParams } from '../analytics/sql-params.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { badRequest } from '../http/problem.js';
import { ClockService } from '../time/clock.service.js';
import { detectionWindow, type DetectionWindow } from './detection-window.js';
import { DETECTORS, type CandidateRow } from './detectors.js';
import { FLAG_KIND_CODES, FLAG_KINDS, describe, type FlagKind } from './flag-kinds.js';
import type { ForecastItem, ForecastQuery, ForecastView } from './risk-monitor.dto.js';

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

  /** What a scan at `asOf` would hold open, without writing anything. */
  async forecast(query: ForecastQuery): Promise<ForecastView> {
    const window = await this.window(query.asOf === undefined ? undefined : parseInstant(query.asOf));
    const kinds = FLAG_KIND_CODES.filter((kind) => (!query.kind || kind === query.kind) && (!query.severity || FLAG_KINDS[kind].severity === query.severity));
    const found: ForecastItem[] = [];
    for (const kind of kinds) {
      for (const row of await this.candidates(kind, window)) {
        if (query.departmentCode && row.department_code !== query.departmentCode) continue;
        found.push({
          kind,
          severity: FLAG_KINDS[kind].severity,
          caseId: row.case_id,
          taskId: row.task_id,
          departmentCode: row.department_code,
          targetKey: row.target_key,
          detail: describe(kind, row.facts),
          facts: row.facts,
        });
      }
    }
    found.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.kind.localeCompare(b.kind) || a.targetKey.localeCompare(b.targetKey));
    const counts: Partial<Record<FlagKind, number>> = {};
    for (const item of found) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
    return { asOf: window.asOf, total: found.length, counts, items: found.slice(0, query.limit ?? 1000) };
  }

  private async candidates(kind: FlagKind, window: DetectionWindow): Promise<CandidateRow[]> {
    const params = new SqlParams();
    return this.txHost.tx.query<CandidateRow[]>(DETECTORS[kind](params, window, null), params.values);
  }
}

function parseInstant(text: string): Date {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw badRequest('validation.failed', `"${text}" is not a date-time.`, [{ path: 'asOf', message: 'asOf must be a real date-time' }]);
  return new Date(ms);
}
