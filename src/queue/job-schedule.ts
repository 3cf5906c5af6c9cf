import { Logger } from '@nestjs/common';
import type { QueueBackend } from './queue-backend.js';
import { JOB_QUEUE, type JobItem } from './queue-names.js';

const RETRY_MS = 60_000;

/**
 * A cluster-wide schedule is a BullMQ job scheduler, not a timer in each process: the queue backend makes
 * one job per interval for the whole cluster, whichever worker takes it. Every process upserts it at
 * start-up (idempotent; the last configured interval wins); when the backend is down it tries again a
 * minute later instead of holding up start-up.
 */
export class JobSchedule {
  /** The schedules this process started: the timer reconciler re-asserts them when the backend lost them. */
  static readonly active = new Set<JobSchedule>();
  private readonly logger: Logger;
  private retry: NodeJS.Timeout | null = null;
  private registering: Promise<void> | null = null;

  constructor(
    private readonly backend: QueueBackend,
    private readonly schedulerId: string,
    private readonly everyMs: number,
    private readonly job: JobItem,
  ) {
    this.logger = new Logger(`JobSchedule(${schedulerId})`);
  }

  start(): void {
    JobSchedule.active.add(this);
    this.registering = this.register();
  }

  /** The scheduler's id in the backend, and the subject of its row in the `timer` table (kind `schedule`). */
  get id(): string {
    return this.schedulerId;
  }

  get jobItem(): JobItem {
    return this.job;
  }

  /**
   * Upserts the schedule when the backend does not hold it (a queue store that came back empty: BullMQ then
   * runs it at once, so a run missed meanwhile is caught up) and answers when it runs next.
   */
  async reassert(): Promise<{ lost: boolean; next: Date | null }> {
    const queue = this.backend.queue(JOB_QUEUE[this.job.name]);
    let scheduler = await queue.getJobScheduler(this.schedulerId);
    const lost = !scheduler;
    if (lost) {
      await queue.upsertJobScheduler(this.schedulerId, { every: this.everyMs }, this.job);
      this.logger.warn(`the queue backend had lost the schedule; registered it again`);
      scheduler = await queue.getJobScheduler(this.schedulerId);
    }
    return { lost, next: typeof scheduler?.next === 'number' ? new Date(scheduler.next) : null };
  }

  async stop(): Promise<void> {
    JobSchedule.active.delete(this);
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    await this.registering;
  }

  private async register(): Promise<void> {
    try {
      await this.backend.queue(JOB_QUEUE[this.job.name]).upsertJobScheduler(this.schedulerId, { every: this.everyMs }, this.job);
    } catch (error) {
      this.logger.warn(`could not register the schedule (${(error as Error).message}); retrying in ${RETRY_MS / 1000} s`);
      this.retry = setTimeout(() => (this.registering = this.register()), RETRY_MS);
      this.retry.unref();
    }
  }
}
