import { Inject, Injectable, Logger } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { MoreThan } from 'typeorm';
import { reportSession } from '../reporting/report-session.js';
import type { Caller } from '../auth/auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { notFound } from '../http/problem.js';
import { OutboxService } from '../queue/outbox/outbox.service.js';
import { JobName, type JobPayloads } from '../queue/queue-names.js';
import { ClockService } from '../time/clock.service.js';
import { upsertFlagsStatement } from './flag-upsert.js';
import { DECIDED_CASES, FAMILIES } from './detectors.js';
import type { FlagKind } from './flag-kinds.js';
import { RiskDetection } from './risk-detection.service.js';
import { RiskEscalation } from './risk-escalation.service.js';
import type { ScanCreatedView, ScanView } from './risk-monitor.dto.js';
import { RiskScan } from './risk-scan.entity.js';

/** Held for the whole scan; event-driven checks take it shared, so they wait for a scan but not for each other. */
export const SCAN_LOCK = 'ywtb.risk-scan';
const QUEUED_SCAN_REUSE_MS = 5 * 60_000;

export interface ScanCounts {
  flagged: number;
  resolved: number;
  escalated: number;
}

const view = (scan: RiskScan): ScanView => ({
  id: scan.id,
  status: scan.status,
  trigger: scan.trigger,
  flagged: scan.flagged,
  resolved: scan.resolved,
  escalated: scan.escalated,
  reviewed: scan.reviewed,
  error: scan.error,
  createdAt: scan.createdAt,
  startedAt: scan.startedAt,
  finishedAt: scan.finishedAt,
});

/**
 * The full scan: every detector at now, stored as flags (new ones opened, cleared ones resolved) and
 * escalations, in one transaction. Runs from the `risk-monitor` queue — asked for by a supervisor, or by
 * the cluster-wide job scheduler (RiskScheduler), so one process runs each scheduled scan.
 */
@Injectable()
export class RiskScanService {
  private readonly logger = new Logger(RiskScanService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxService,
    private readonly detection: RiskDetection,
    private readonly escalation: RiskEscalation,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get scans() {
    return this.txHost.tx.getRepository(RiskScan);
  }

  /**
   * Queues a scan; while one asked for in the last minutes is still queued, asking again answers that one
   * (an older one that never started is no reason to refuse a new one).
   */
  async request(caller: Caller): Promise<ScanCreatedView> {
    const scanId = await this.txHost.withTransaction(async () => {
      await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['ywtb.risk-scan-request']);
      const since = new Date(this.clock.now().getTime() - QUEUED_SCAN_REUSE_MS);
      const queued = await this.scans.findOneBy({ status: 'queued', trigger: 'request', createdAt: MoreThan(since) });
      if (queued) return queued.id;
      const scan = await this.scans.save(this.scans.create({ trigger: 'request', requestedBy: caller.id }));
      await this.outbox.enqueue({ name: JobName.RiskScan, data: { scanId: scan.id } });
      return scan.id;
    });
    return { scanId };
  }

  async get(id: string): Promise<ScanView> {
    const scan = await this.scans.findOneBy({ id });
    if (!scan) throw notFound('risk_scan.not_found', `No risk scan with id ${id}.`);
    return view(scan);
  }

  /** A scheduled job carries no scan id: it records its own scan. A finished scan is never run again. */
  async onScan({ scanId }: JobPayloads[JobName.RiskScan]): Promise<ScanCounts | 'skipped'> {
    const id = scanId ?? (await this.scans.save(this.scans.create({ trigger: 'schedule' }))).id;
    const [started] = await this.txHost.tx.query<[RiskScan[], number]>(
      `UPDATE risk_scan SET status = 'running', started_at = $2, error = NULL WHERE id = $1 AND status IN ('queued', 'running', 'failed') RETURNING id`,
      [id, this.clock.now()],
    );
    if (started.length === 0) return 'skipped';
    try {
      return await this.scan(id);
    } catch (error) {
      this.logger.error(`risk scan ${id} failed: ${(error as Error).message}`);
      await this.scans.update(id, { status: 'failed', error: (error as Error).message.slice(0, 2000), finishedAt: this.clock.now() });
      throw error;
    }
  }

  /**
   * Every family's flags made to match what its pass finds now, then escalations; all or nothing. The
   * review of decided cases looks back rather than at the clock, so it runs at most every
   * `reviewEveryMinutes` (the per-case check samples 秒批 approvals as they happen).
   */
  @Transactional()
  async scan(id: string): Promise<ScanCounts> {
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SCAN_LOCK]);
    await reportSession(this.txHost.tx);
    const window = await this.detection.window();
    const review = await this.reviewDue(window.asOf);
    const counts: ScanCounts = { flagged: 0, resolved: 0, escalated: 0 };
    for (const family of FAMILIES) {
      if (family === DECIDED_CASES && !review) continue;
      const { sql, params } = upsertFlagsStatement(family, Object.keys(family.parts) as FlagKind[], window, null);
      const [row] = await this.txHost.tx.query<Array<{ flagged: number; resolved: number }>>(sql, params);
      counts.flagged += row.flagged;
      counts.resolved += row.resolved;
    }
    counts.escalated = await this.escalation.escalate(window);
    await this.scans.update(id, { status: 'completed', ...counts, reviewed: review, finishedAt: this.clock.now() });
    return counts;
  }

  private async reviewDue(now: Date): Promise<boolean> {
    const [last] = await this.txHost.tx.query<Array<{ at: Date | null }>>(`SELECT max(started_at) AS at FROM risk_scan WHERE status = 'completed' AND reviewed`);
    return !last.at || now.getTime() - last.at.getTime() >= this.config.risk.reviewEveryMinutes * 60_000;
  }
}
