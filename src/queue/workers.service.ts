import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobRegistry } from './job-registry.js';
import { QueueBackend } from './queue-backend.js';
import { JOB_QUEUE, type QueueName } from './queue-names.js';

const CONCURRENCY: Partial<Record<QueueName, number>> = {};
const DEFAULT_CONCURRENCY = 5;

/**
 * A job held by a worker that died is taken over within lockDuration + stalledInterval (9 s): the holder
 * renews its lock every lockDuration / 2 and any worker looks for expired locks every stalledInterval, on
 * Redis and on the PostgreSQL backend alike. The price: a worker whose event loop is blocked longer than
 * lockDuration loses its job to another worker (it may run twice: handlers are idempotent), and renewals and
 * checks cost a few more backend round trips per worker. maxStalledCount: a job may stall twice (two workers
 * died under it) before it counts as failed. docs/operations.md "Stalled jobs".
 */
export const STALLED_JOBS = { lockDuration: 6_000, stalledInterval: 3_000, maxStalledCount: 2 } as const;

/**
 * Runs a worker per queue in processes whose ROLE includes workers; handlers come from the JobRegistry.
 * `start()` is called by bootstrap.ts once the application has completely started (not from a lifecycle
 * hook): on the embedded database, which runs one transaction at a time, workers polling during start-up
 * could stall it.
 */
@Injectable()
export class WorkersService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkersService.name);
  private started = false;

  constructor(
    private readonly backend: QueueBackend,
    private readonly registry: JobRegistry,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(): void {
    if (this.config.role === 'api' || this.started) return;
    const queues = new Set(Object.values(JOB_QUEUE));
    for (const queueName of queues) {
      const worker = this.backend.worker(queueName, (job: Job) => this.registry.run(job), {
        concurrency: CONCURRENCY[queueName] ?? DEFAULT_CONCURRENCY,
        ...STALLED_JOBS,
      });
      worker.on('failed', (job: Job | undefined, error: Error) => {
        if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) void this.recordFailure(queueName, job, error);
      });
      worker.on('error', (error: Error) => this.logger.warn(`worker ${queueName}: ${error.message}`));
    }
    this.started = true;
    this.logger.log(`workers started for ${[...queues].join(', ')} (${this.backend.kind})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.started) await this.backend.closeWorkers();
  }

  private async recordFailure(queue: QueueName, job: Job, error: Error): Promise<void> {
    try {
      // A job that fails again after an admin retried it moves its row on: a new failure, a new flag.
      await this.dataSource.query(
        `INSERT INTO failed_job (queue, job_id, job_name, payload, error, attempts) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (queue, job_id) DO UPDATE SET error = EXCLUDED.error, attempts = EXCLUDED.attempts, failed_at = now(), retried_at = NULL`,
        [queue, String(job.id), job.name, JSON.stringify(job.data ?? {}), error.message.slice(0, 2000), job.attemptsMade],
      );
      this.logger.error(`job ${job.name} ${job.id} failed its last attempt: ${error.message}`);
    } catch (recordError) {
      this.logger.error(`could not record failed job ${job.id}: ${(recordError as Error).message}`);
    }
  }
}
