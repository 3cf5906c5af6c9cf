import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { OutboxService } from '../queue/outbox/outbox.service.js';
import type { JobItem } from '../queue/queue-names.js';
import { ClockService } from '../time/clock.service.js';
import { Timer } from './timer.entity.js';
import { planTimers, type WantedTimer } from './timer-plan.js';

/** Which timer of which row: `kind` names the owner's use (e.g. `case-timer`), `subject` the row, `key` the timer. */
export interface TimerRef {
  kind: string;
  subject: string;
  key: string;
}

/**
 * How far ahead a timer's job goes to the queue backend: a timer due later is only a row until the
 * reconciler, passing every TIMER_RECONCILE_SECONDS, finds it within this horizon. The queue then holds
 * only what is due soon (and a flushed queue loses little), and a pass looks up only those jobs.
 */
export const enqueueAheadMs = (config: Pick<AppConfig, 'timerReconcileSeconds'>) => Math.max(15 * 60_000, 3 * config.timerReconcileSeconds * 1000);

/** The queue job id of a timer: the same for every (re-)enqueue. BullMQ refuses `:` in ids. */
export const timerJobId = (timerId: string) => `timer-${timerId}`;

/**
 * Timers in PostgreSQL (the `timer` table): every delayed job goes through here. All methods run in the
 * caller's transaction, so a timer exists exactly when the state change that started it committed, and
 * is marked fired exactly when the effect of firing it committed.
 */
@Injectable()
export class TimersService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxService,
    private readonly clock: ClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Starts a timer that runs `job` at `dueAt`; answers the timer's id. Due within the enqueue horizon, its
   * delayed job is written to the outbox now; later, the reconciler enqueues it when its time nears.
   */
  async start(ref: TimerRef, dueAt: Date, job: JobItem, id: string = randomUUID()): Promise<string> {
    const jobId = timerJobId(id);
    const row = { id, ...ref, dueAt, jobName: job.name, payload: job.data, jobId, state: 'pending' } as QueryDeepPartialEntity<Timer>;
    await this.txHost.tx.getRepository(Timer).insert(row);
    const delayMs = dueAt.getTime() - this.clock.now().getTime();
    if (delayMs <= enqueueAheadMs(this.config)) await this.outbox.enqueueWithId(jobId, delayMs, job);
    return id;
  }

  /**
   * Marks the pending timer fired; false when it is not pending (fired already, cancelled) and the
   * caller must do nothing. The row stays locked until the caller's transaction ends, so two jobs
   * firing the same timer at once take turns and the second sees it fired.
   */
  async fire(ref: TimerRef): Promise<boolean> {
    return this.settle(ref, 'fired');
  }

  /**
   * Marks this very timer fired (not another started later under the same key); false when it is not
   * pending. Locks the row like `fire`.
   */
  async fireById(id: string): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query(`UPDATE timer SET state = 'fired', fired_at = $2 WHERE id = $1 AND state = 'pending' RETURNING id`, [id, this.clock.now()]);
    return rowCount(rows) > 0;
  }

  /** Cancels the pending timer, if any; its job finds it cancelled and does nothing. */
  async cancel(ref: TimerRef): Promise<boolean> {
    return this.settle(ref, 'cancelled');
  }

  /** Whether the table knows this timer at all (timers started before the table existed do not). */
  async known(ref: TimerRef): Promise<boolean> {
    return this.txHost.tx.getRepository(Timer).existsBy({ kind: ref.kind, subject: ref.subject, key: ref.key });
  }

  /**
   * Makes the subject's pending timers of `kind` exactly the wanted ones still ahead (see planTimers), in
   * the caller's transaction, which is a check of the subject as of now: timers whose moment has come are
   * fired (covered by it), moved ones cancelled and started again, passed ones never started.
   */
  async sync(kind: string, subject: string, wanted: readonly WantedTimer[], jobFor: (timerId: string) => JobItem): Promise<{ started: number; fired: number; cancelled: number }> {
    const pending: Array<{ key: string; due_at: Date }> = await this.txHost.tx.query(
      `SELECT key, due_at FROM timer WHERE kind = $1 AND subject = $2 AND state = 'pending' FOR UPDATE`,
      [kind, subject],
    );
    const plan = planTimers(pending.map((row) => ({ key: row.key, dueAt: new Date(row.due_at) })), wanted, this.clock.now());
    for (const key of plan.fire) await this.fire({ kind, subject, key });
    for (const key of plan.cancel) await this.cancel({ kind, subject, key });
    for (const timer of plan.start) {
      const id = randomUUID();
      await this.start({ kind, subject, key: timer.key }, timer.dueAt, jobFor(id), id);
    }
    return { started: plan.start.length, fired: plan.fire.length, cancelled: plan.cancel.length };
  }

  private async settle(ref: TimerRef, state: 'fired' | 'cancelled'): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query(
      `UPDATE timer SET state = $4, fired_at = $5 WHERE kind = $1 AND subject = $2 AND key = $3 AND state = 'pending' RETURNING id`,
      [ref.kind, ref.subject, ref.key, state, this.clock.now()],
    );
    return rowCount(rows) > 0;
  }
}

/** TypeORM answers an UPDATE … RETURNING as [rows, count] on PostgreSQL. */
function rowCount(result: unknown[]): number {
  return Array.isArray(result[0]) ? (result[0] as unknown[]).length : result.length;
}
