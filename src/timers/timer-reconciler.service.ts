import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobSchedule } from '../queue/job-schedule.js';
import { QueueBackend } from '../queue/queue-backend.js';
import { JOB_QUEUE, type JobName } from '../queue/queue-names.js';
import { ClockService } from '../time/clock.service.js';
import { enqueueAheadMs } from './timers.service.js';

/** Any arbitrary key, the same in every process: one reconciler at a time in the cluster. */
const RECONCILE_LOCK_KEY = 7_340_015;
const PAGE = 500;
/** The `timer` kind of a cluster-wide schedule's row. */
export const SCHEDULE_TIMER = 'schedule';
const SETTLED_KEPT_DAYS = 30;
/** Job look-ups in flight at once. */
const PARALLEL = 25;

interface PendingTimer {
  id: string;
  due_at: Date;
  job_name: JobName;
  payload: Record<string, unknown>;
  job_id: string;
}

export interface ReconcileResult {
  /** Pending timers due or due soon (within the enqueue horizon) looked at. */
  checked: number;
  /** Timers whose job was missing and was enqueued again. */
  requeued: number;
  /** Due timers whose job still waited in the queue (the queue's time behind ours): run now. */
  promoted: number;
  /** Schedules the backend had lost and that were registered again. */
  schedules: number;
}

/**
 * Makes the queue backend agree with the `timer` table, on start and every TIMER_RECONCILE_SECONDS, in
 * one process at a time (a session advisory lock; the others skip the pass): every pending timer due
 * within the enqueue horizon (enqueueAheadMs) whose job the backend does not hold — never enqueued yet, or
 * lost — is enqueued under its own jobId (so a job that is there is never doubled), a due timer whose job
 * is still delayed is promoted, and every schedule is re-asserted and its row kept at its next run.
 * A Redis that came back empty therefore loses nothing; a pass costs one job look-up per timer due soon.
 *
 * No transaction is held while talking to the queue (in embedded mode the queue shares the
 * one-transaction-at-a-time database).
 */
@Injectable()
export class TimerReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TimerReconciler.name);
  private interval: NodeJS.Timeout | null = null;
  private pass: Promise<unknown> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly backend: QueueBackend,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      if (this.pass) return;
      this.pass = this.reconcileOnce()
        .catch((error: Error) => this.logger.warn(`timer reconciliation failed: ${error.message}`))
        .finally(() => (this.pass = null));
    };
    // The first pass once start-up is over (the embedded database is busy until then).
    setTimeout(tick, 1_000).unref();
    this.interval = setInterval(tick, this.config.timerReconcileSeconds * 1000);
    this.interval.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    await this.pass;
  }

  /** One pass; null when another process holds the lock. */
  async reconcileOnce(): Promise<ReconcileResult | null> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [{ locked }] = (await lock.query('SELECT pg_try_advisory_lock($1) AS locked', [RECONCILE_LOCK_KEY])) as Array<{ locked: boolean }>;
      if (!locked) return null;
      try {
        const result = await this.reconcileTimers();
        for (const schedule of JobSchedule.active) if (await this.reconcileSchedule(schedule)) result.schedules += 1;
        await this.forgetSettled();
        if (result.requeued + result.promoted + result.schedules > 0) {
          this.logger.warn({ msg: 'timer reconciliation repaired the queue', ...result });
        }
        return result;
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [RECONCILE_LOCK_KEY]).catch(() => undefined);
      }
    } finally {
      await lock.release();
    }
  }

  private async reconcileTimers(): Promise<ReconcileResult> {
    const result: ReconcileResult = { checked: 0, requeued: 0, promoted: 0, schedules: 0 };
    const horizon = new Date(this.clock.now().getTime() + enqueueAheadMs(this.config));
    let after: { dueAt: Date; id: string } | null = null;
    for (;;) {
      const page: PendingTimer[] = await this.dataSource.query(
        `SELECT id, due_at, job_name, payload, job_id FROM timer
          WHERE state = 'pending' AND kind <> '${SCHEDULE_TIMER}' AND due_at <= $4
            AND ($1::timestamptz IS NULL OR (due_at, id) > ($1::timestamptz, $2::uuid))
          ORDER BY due_at, id LIMIT $3`,
        [after?.dueAt ?? null, after?.id ?? null, PAGE, horizon],
      );
      for (let i = 0; i < page.length; i += PARALLEL) {
        const outcomes = await Promise.all(page.slice(i, i + PARALLEL).map((timer) => this.reconcileTimer(timer)));
        for (const outcome of outcomes) if (outcome !== 'ok') result[outcome] += 1;
      }
      result.checked += page.length;
      if (page.length < PAGE) return result;
      const last = page[page.length - 1]!;
      after = { dueAt: last.due_at, id: last.id };
    }
  }

  /**
   * A schedule is a row of the `timer` table too (kind `schedule`, subject its scheduler id, due at its
   * next run as the backend plans it): re-asserted in the backend when lost, and its row kept up to date
   * so that the next run of every schedule is known to PostgreSQL and shown to operators. True when the
   * backend had lost it.
   */
  private async reconcileSchedule(schedule: JobSchedule): Promise<boolean> {
    const { lost, next } = await schedule.reassert();
    const dueAt = next ?? this.clock.now();
    const job = schedule.jobItem;
    const updated: unknown[] = await this.dataSource.query(
      `UPDATE timer SET due_at = $2, job_name = $3, payload = $4 WHERE kind = '${SCHEDULE_TIMER}' AND subject = $1 AND state = 'pending' RETURNING id`,
      [schedule.id, dueAt, job.name, JSON.stringify(job.data)],
    );
    if ((Array.isArray(updated[0]) ? (updated[0] as unknown[]) : updated).length === 0) {
      await this.dataSource.query(
        `INSERT INTO timer (kind, subject, key, due_at, job_name, payload, job_id) VALUES ('${SCHEDULE_TIMER}', $1, 'next', $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [schedule.id, dueAt, job.name, JSON.stringify(job.data), `schedule-${schedule.id}`],
      );
    }
    return lost;
  }

  /** Settled timers are kept a while for operators, then dropped: the table holds what is pending. */
  private async forgetSettled(): Promise<void> {
    await this.dataSource.query(`DELETE FROM timer WHERE state <> 'pending' AND fired_at < $1::timestamptz - interval '${SETTLED_KEPT_DAYS} days'`, [this.clock.now()]);
  }

  private async reconcileTimer(timer: PendingTimer): Promise<'ok' | 'requeued' | 'promoted'> {
    const queue = this.backend.queue(JOB_QUEUE[timer.job_name]);
    const remaining = new Date(timer.due_at).getTime() - this.clock.now().getTime();
    const job = await queue.getJob(timer.job_id);
    if (!job) {
      await queue.add(timer.job_name, timer.payload, { jobId: timer.job_id, ...(remaining > 0 ? { delay: remaining } : {}) });
      return 'requeued';
    }
    if (remaining <= 0 && (await job.getState()) === 'delayed') {
      await job.promote();
      return 'promoted';
    }
    return 'ok';
  }
}
