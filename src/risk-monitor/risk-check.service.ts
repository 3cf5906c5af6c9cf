import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { MaterialOwed } from '../cases/case.entity.js';
import { CaseStore } from '../cases/case.store.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobName, type JobPayloads } from '../queue/queue-names.js';
import { upsertFlagsStatement } from './flag-upsert.js';
import { FAMILIES } from './detectors.js';
import { FLAG_KINDS, type FlagKind } from './flag-kinds.js';
import { RiskDetection } from './risk-detection.service.js';
import { SCAN_LOCK } from './risk-scan.service.js';
import { TimersService } from '../timers/timers.service.js';
import { CASE_RISK_TIMER, caseTimerMoments } from './case-timers.js';
import type { DetectionWindow } from './detection-window.js';

/** What one case's change can affect: its own flags and its tasks', and whether it is a 秒批 approval to sample. */
const PER_CASE = FAMILIES.map((family) => ({ family, kinds: (Object.keys(family.parts) as FlagKind[]).filter((kind) => FLAG_KINDS[kind].perCase) })).filter(
  ({ kinds }) => kinds.length > 0,
);

/**
 * The event-driven half of detection: after a case changes, its own flags (and its tasks') are brought up
 * to date at once — a decided case's deadline flags resolve now, not at the next scan. Reloads the case,
 * so a repeated or late job just finds the same answer.
 */
@Injectable()
export class RiskCheck {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly detection: RiskDetection,
    private readonly timers: TimersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CaseStore,
  ) {}

  @Transactional()
  async checkCase({ caseId, timerId }: JobPayloads[JobName.RiskCheckCase]): Promise<{ flagged: number; resolved: number } | 'skipped'> {
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock_shared(hashtext($1))', [SCAN_LOCK]);
    // Two checks of one case in parallel could each resolve what the other just found.
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ywtb.risk-case:${caseId}`]);
    // Fired in the transaction of the check it causes; a second run, or the job of a timer cancelled because
    // its moment moved, finds it settled and does nothing.
    if (timerId && !(await this.timers.fireById(timerId))) return 'skipped';
    if (!(await this.cases.exists(caseId))) return 'skipped';
    const window = await this.detection.window();
    let flagged = 0;
    let resolved = 0;
    for (const { family, kinds } of PER_CASE) {
      const { sql, params } = upsertFlagsStatement(family, kinds, window, caseId);
      const [row] = await this.prepared<{ flagged: number; resolved: number }>(sql, params);
      flagged += row.flagged;
      resolved += row.resolved;
    }
    await this.timeCase(caseId, window);
    return { flagged, resolved };
  }

  /** Transactions (by query runner) that have set their plan cache mode. */
  private readonly genericPlans = new WeakSet<object>();

  /**
   * The per-case upserts are large and the same text every time: as named prepared statements each
   * connection parses and plans them once instead of on every check. Not on the embedded database, whose one
   * session is shared by every client connection (their statement names would collide).
   */
  private async prepared<T>(sql: string, params: unknown[]): Promise<T[]> {
    const runner = this.txHost.tx.queryRunner;
    if (this.config.mode === 'embedded' || !runner) return this.txHost.tx.query<T[]>(sql, params);
    const client = (await runner.connect()) as { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }> };
    // Planned once per connection too: every plan of them looks the case up by its id, whatever the id.
    if (!this.genericPlans.has(runner)) {
      this.genericPlans.add(runner);
      await this.txHost.tx.query('SET LOCAL plan_cache_mode = force_generic_plan');
    }
    const name = `risk_case_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    return (await client.query({ name, text: sql, values: params })).rows;
  }

  /**
   * The case's next moments (SLAs, deadlines, 容缺 due dates, unclaimed tasks, a stall) become timers in
   * PostgreSQL, each running this check again when it comes: checked after every change of the case, so
   * the timers always follow its latest state.
   */
  private async timeCase(caseId: string, window: DetectionWindow): Promise<void> {
    const [record] = await this.txHost.tx.query<
      Array<{ finished: boolean; clock_paused: boolean; has_item: boolean; last_event_at: Date; statutory_deadline: Date | null; promised_deadline: Date | null; materials_owed: MaterialOwed[] }>
    >(
      `SELECT finished_at IS NOT NULL AS finished, clock_paused, service_item_code IS NOT NULL AS has_item, last_event_at,
              statutory_deadline, promised_deadline, materials_owed
         FROM case_record WHERE id = $1`,
      [caseId],
    );
    if (!record) return;
    const tasks = await this.txHost.tx.query<Array<{ id: string; due_at: Date | null; created_at: Date; claimed: boolean }>>(
      `SELECT id, due_at, created_at, (status <> 'open' OR claimed_by IS NOT NULL) AS claimed FROM case_task WHERE case_id = $1 AND status IN ('open', 'claimed')`,
      [caseId],
    );
    const moments = caseTimerMoments(
      {
        finished: record.finished,
        clockPaused: record.clock_paused,
        hasServiceItem: record.has_item,
        lastEventAt: new Date(record.last_event_at),
        statutoryDeadline: record.statutory_deadline && new Date(record.statutory_deadline),
        promisedDeadline: record.promised_deadline && new Date(record.promised_deadline),
        materialsOwed: record.materials_owed ?? [],
        openTasks: tasks.map((task) => ({ id: task.id, dueAt: task.due_at && new Date(task.due_at), createdAt: new Date(task.created_at), claimed: task.claimed })),
      },
      this.config.risk,
      window.working,
    );
    await this.timers.sync(CASE_RISK_TIMER, caseId, moments, (timerId) => ({ name: JobName.RiskCheckCase, data: { caseId, timerId } }));
  }
}
