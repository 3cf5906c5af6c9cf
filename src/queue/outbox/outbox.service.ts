import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { currentTraceContext } from '../../observability/tracing.js';
import { JOB_QUEUE, type JobItem } from '../queue-names.js';
import { OutboxMessage } from './outbox-message.entity.js';

/**
 * Writes jobs as outbox rows in the caller's transaction, so a job exists exactly when the state
 * change that caused it committed (DESIGN.md "Data rules"). The relay moves them to the queue.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

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
    return result.identifiers.map((identifier) => String(identifier.id));
  }

  /** One job under its own queue job id (a timer's): enqueued again under the same id, the queue still holds one. */
  async enqueueWithId(jobId: string, delayMs: number, job: JobItem): Promise<void> {
    const row = { queue: JOB_QUEUE[job.name], jobName: job.name, payload: job.data, delayMs: Math.max(0, Math.round(delayMs)), jobId, traceContext: currentTraceContext() } as QueryDeepPartialEntity<OutboxMessage>;
    await this.txHost.tx.getRepository(OutboxMessage).insert(row);
  }
}
