import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, type EntitySubscriberInterface, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { currentTraceContext } from '../../observability/tracing.js';
import { JOB_QUEUE, type JobItem } from '../queue-names.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { OutboxRelay } from './outbox-relay.service.js';

/**
 * Writes jobs as outbox rows in the caller's transaction, so a job exists exactly when the state
 * change that caused it committed (DESIGN.md "Data rules"). The relay moves them to the queue; once the
 * transaction that wrote rows commits, this service wakes it (no domain talks to the relay), so a job
 * starts at once rather than at the relay's next poll. A rolled-back transaction wakes nothing.
 */
@Injectable()
export class OutboxService implements OnModuleInit, EntitySubscriberInterface {
  /** Transactions (by their query runner) that wrote outbox rows and have not committed yet. */
  private readonly pending = new WeakSet<QueryRunner>();

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly relay: OutboxRelay,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  /** TypeORM calls this after COMMIT (and after a savepoint's release: only the outermost commit counts). */
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive || !this.pending.has(event.queryRunner)) return;
    this.pending.delete(event.queryRunner);
    this.relay.nudge();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  /** Wakes the relay after the commit of the caller's transaction, or now when there is none (the insert committed itself). */
  private wakeRelayAfterCommit(): void {
    const runner = this.txHost.tx.queryRunner;
    if (runner?.isTransactionActive) this.pending.add(runner);
    else this.relay.nudge();
  }

  async enqueue(...jobs: JobItem[]): Promise<string[]> {
    return this.enqueueDelayed(0, ...jobs);
  }

  /**
   * Jobs that must wait, e.g. a timer step firing in 7 days. The delay counts from when the relay hands
   * the job to the queue; `runAt` lets the handler tell (it rechecks its row's due time anyway).
   */
  async enqueueDelayed(delayMs: number, ...jobs: JobItem[]): Promise<string[]> {
    if (jobs.length === 0) return [];
    const traceContext = currentTraceContext();
    const rows = jobs.map(
      (job) => ({ queue: JOB_QUEUE[job.name], jobName: job.name, payload: job.data, delayMs: Math.max(0, Math.round(delayMs)), traceContext }) as QueryDeepPartialEntity<OutboxMessage>,
    );
    const result = await this.txHost.tx.getRepository(OutboxMessage).insert(rows);
    this.wakeRelayAfterCommit();
    return result.identifiers.map((identifier) => String(identifier.id));
  }

  /** One job under its own queue job id (a timer's): enqueued again under the same id, the queue still holds one. */
  async enqueueWithId(jobId: string, delayMs: number, job: JobItem): Promise<void> {
    const row = { queue: JOB_QUEUE[job.name], jobName: job.name, payload: job.data, delayMs: Math.max(0, Math.round(delayMs)), jobId, traceContext: currentTraceContext() } as QueryDeepPartialEntity<OutboxMessage>;
    await this.txHost.tx.getRepository(OutboxMessage).insert(row);
    this.wakeRelayAfterCommit();
  }
}
