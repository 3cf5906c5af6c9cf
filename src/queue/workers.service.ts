import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { FailedJob } from './failed-job.entity.js';
import { JobRegistry } from './job-registry.js';
import { QueueBackend } from './queue-backend.js';
import { JOB_QUEUE, type QueueName } from './queue-names.js';

const CONCURRENCY: Partial<Record<QueueName, number>> = {};
const DEFAULT_CONCURRENCY = 5;

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
      await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(FailedJob)
        .values({ queue, jobId: String(job.id), jobName: job.name, payload: job.data as object, error: error.message.slice(0, 2000), attempts: job.attemptsMade })
        .orIgnore()
        .execute();
      this.logger.error(`job ${job.name} ${job.id} failed its last attempt: ${error.message}`);
    } catch (recordError) {
      this.logger.error(`could not record failed job ${job.id}: ${(recordError as Error).message}`);
    }
  }
}
