import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Keyset, type Page, type PageQuery } from '../http/pagination.js';
import { conflict, notFound } from '../http/problem.js';
import { QueueBackend } from '../queue/queue-backend.js';
import { QueueName, type JobName } from '../queue/queue-names.js';
import { ClockService } from '../time/clock.service.js';
import type { FailedJobView, QueueCounts, QueuesView } from './operations.dto.js';

const FAILED_JOB_PAGES = new Keyset('DESC', { failedAt: { sql: "date_trunc('milliseconds', f.failed_at)", type: 'timestamp' }, id: { sql: 'f.id', type: 'uuid' } });
const BACKEND_TIMEOUT_MS = 3_000;

interface FailedJobRow {
  id: string;
  queue: QueueName;
  job_id: string;
  job_name: JobName;
  payload: Record<string, unknown>;
  error: string;
  attempts: number;
  failed_at: Date;
  retried_at: Date | null;
}

const viewOf = (row: FailedJobRow): FailedJobView => ({
  id: row.id,
  queue: row.queue,
  jobId: row.job_id,
  jobName: row.job_name,
  payload: row.payload,
  error: row.error,
  attempts: row.attempts,
  failedAt: new Date(row.failed_at).toISOString(),
  retriedAt: row.retried_at ? new Date(row.retried_at).toISOString() : null,
});

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/** What operators see and repair: queue depths, the outbox and timer backlogs, failed jobs. */
@Injectable()
export class OperationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly backend: QueueBackend,
    private readonly clock: ClockService,
  ) {}

  /** Per queue waiting/active/delayed/failed; empty with backendAvailable false when the backend does not answer. */
  async queueCounts(): Promise<{ available: boolean; queues: QueueCounts[] }> {
    try {
      const queues = await within(
        Promise.all(
          Object.values(QueueName).map(async (name) => {
            const counts = await this.backend.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed');
            return { name, waiting: counts.waiting ?? 0, active: counts.active ?? 0, delayed: counts.delayed ?? 0, failed: counts.failed ?? 0 };
          }),
        ),
        BACKEND_TIMEOUT_MS,
      );
      return { available: true, queues };
    } catch {
      return { available: false, queues: [] };
    }
  }

  async backlogs(): Promise<Pick<QueuesView, 'outbox' | 'timers'>> {
    const [outbox] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(created_at))::float8 AS age FROM outbox_message WHERE relayed_at IS NULL`,
    )) as Array<{ pending: number; age: number | null }>;
    const [timers] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending, count(*) FILTER (WHERE due_at < $1::timestamptz - interval '1 minute' AND kind <> 'schedule')::int AS overdue, min(due_at) AS next
         FROM timer WHERE state = 'pending'`,
      [this.clock.now()],
    )) as Array<{ pending: number; overdue: number; next: Date | null }>;
    return {
      outbox: { pending: outbox!.pending, oldestAgeSeconds: outbox!.age === null ? null : Math.max(0, Math.round(outbox!.age * 10) / 10) },
      timers: { pending: timers!.pending, overdue: timers!.overdue, nextDueAt: timers!.next ? new Date(timers!.next).toISOString() : null },
    };
  }

  async queues(): Promise<QueuesView> {
    const [counts, backlogs] = await Promise.all([this.queueCounts(), this.backlogs()]);
    return { backend: this.backend.kind, backendAvailable: counts.available, queues: counts.queues, ...backlogs };
  }

  /** Jobs that used up their attempts, the latest failure first. */
  async failedJobs(page: PageQuery): Promise<Page<FailedJobView>> {
    const limit = page.limit ?? 50;
    const after = FAILED_JOB_PAGES.decode(page.cursor);
    const params: unknown[] = [limit + 1];
    const where = after ? `WHERE ${FAILED_JOB_PAGES.afterSql(after, (value) => `$${params.push(value)}`)}` : '';
    const rows = (await this.dataSource.query(
      `SELECT f.id, f.queue, f.job_id, f.job_name, f.payload, f.error, f.attempts, f.failed_at, f.retried_at
         FROM failed_job f ${where} ORDER BY date_trunc('milliseconds', f.failed_at) DESC, f.id DESC LIMIT $1`,
      params,
    )) as FailedJobRow[];
    return FAILED_JOB_PAGES.page(rows, limit, viewOf, (row) => ({ failedAt: new Date(row.failed_at).toISOString(), id: row.id }));
  }

  /**
   * Sends a failed job back to its queue with fresh attempts, under its own job id: the failed job itself
   * when the backend still has it, else a new one with the same name, payload and id (the backend lost
   * it). Handlers recheck their rows, so a retry of something that meanwhile happened does nothing.
   */
  async retry(id: string): Promise<FailedJobView> {
    const [row] = (await this.dataSource.query(
      `SELECT id, queue, job_id, job_name, payload, error, attempts, failed_at, retried_at FROM failed_job WHERE id = $1`,
      [id],
    )) as FailedJobRow[];
    if (!row) throw notFound('failed_job.not_found', 'No such failed job.');
    const queue = this.backend.queue(row.queue);
    const job = await queue.getJob(row.job_id);
    if (!job) {
      await queue.add(row.job_name, row.payload, { jobId: row.job_id });
    } else {
      const state = await job.getState();
      if (state !== 'failed') throw conflict('failed_job.not_failed', `The job is ${state} now, not failed: it was retried already.`);
      // Two admins retrying at once: the backend moves the job once and refuses the second.
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }).catch((error: Error) => {
        throw conflict('failed_job.not_failed', `The job could not be retried: ${error.message}`);
      });
    }
    const [updated] = (await this.dataSource.query(
      `UPDATE failed_job SET retried_at = now() WHERE id = $1 RETURNING id, queue, job_id, job_name, payload, error, attempts, failed_at, retried_at`,
      [id],
    )) as [FailedJobRow[], number];
    return viewOf(updated![0]!);
  }
}
