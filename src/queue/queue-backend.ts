import { Queue, Worker, createPostgresBackend, withBackend, type JobsOptions, type Processor, type RedisOptions, type WorkerOptions } from 'bullmq';
import { Logger } from '@nestjs/common';
import { QueueName } from './queue-names.js';

type AnyQueue = Pick<Queue, 'add' | 'addBulk' | 'getJobCounts' | 'close' | 'upsertJobScheduler' | 'getJobScheduler' | 'getJob' | 'getJobState' | 'getJobs' | 'name' | 'on'>;
type AnyWorker = Pick<Worker, 'close' | 'on' | 'run' | 'isRunning' | 'waitUntilReady'>;

export type QueueBackendKind = 'redis' | 'postgres';

/** Defaults for every job: retries with exponential backoff; finished jobs kept long enough to deduplicate by jobId. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
};


export function redisOptions(url: string, producer: boolean): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // Workers block on Redis and must wait out outages; producers fail fast so the outbox keeps the job.
    maxRetriesPerRequest: producer ? 1 : null,
    enableOfflineQueue: !producer,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  };
}

const CLOSE_TIMEOUT_MS = 5_000;

async function settleWithin(promises: Promise<unknown>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.allSettled(promises), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/**
 * The one place that knows which backend carries the queues: BullMQ on Redis (production) or BullMQ's
 * PostgreSQL backend on the application database (embedded and single server). Everything else asks
 * this class for a queue or a worker by name.
 */
export class QueueBackend {
  private readonly logger = new Logger(QueueBackend.name);
  private readonly queues = new Map<QueueName, AnyQueue>();
  private readonly workers: AnyWorker[] = [];

  private constructor(
    readonly kind: QueueBackendKind,
    private readonly makeQueue: (name: QueueName) => AnyQueue,
    private readonly makeWorker: (name: QueueName, processor: Processor, options: Partial<WorkerOptions>) => AnyWorker,
  ) {}

  /** `prefix` is hash-tagged so every key of a queue lands in one Redis Cluster slot (DESIGN.md "Where it runs"). */
  static redis(url: string, prefix: string): QueueBackend {
    const hashTagged = `{${prefix}}`;
    return new QueueBackend(
      'redis',
      (name) => new Queue(name, { connection: redisOptions(url, true), prefix: hashTagged, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
      (name, processor, options) =>
        new Worker(name, processor, { ...options, connection: redisOptions(url, false), prefix: hashTagged }),
    );
  }

  static postgres(databaseUrl: string): QueueBackend {
    const pg = withBackend(createPostgresBackend);
    // `migrate: true`: BullMQ creates and upgrades its own schema (`bullmq`), apart from ours.
    const connection = { connectionString: databaseUrl, migrate: true, max: 5 };
    return new QueueBackend(
      'postgres',
      (name) => new pg.Queue(name, { connection, defaultJobOptions: DEFAULT_JOB_OPTIONS }) as unknown as AnyQueue,
      (name, processor, options) => new pg.Worker(name, processor, { ...options, connection }) as unknown as AnyWorker,
    );
  }

  /**
   * Creates or upgrades BullMQ's own PostgreSQL schema once, alone, before any queue or worker exists:
   * several instances migrating at the same moment stall on the embedded database, which runs one
   * transaction at a time.
   */
  static async preparePostgres(databaseUrl: string): Promise<void> {
    const backend = QueueBackend.postgres(databaseUrl);
    try {
      await backend.queue(QueueName.Notifications).getJobCounts('waiting');
    } finally {
      await backend.close();
    }
  }

  queue(name: QueueName): AnyQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.makeQueue(name);
      // Outages are expected and handled by the outbox; log them instead of letting an 'error' event go unheard.
      queue.on('error', (error: Error) => this.logger.warn(`queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  worker(name: QueueName, processor: Processor, options: Partial<WorkerOptions> = {}): AnyWorker {
    const worker = this.makeWorker(name, processor, options);
    this.workers.push(worker);
    return worker;
  }

  /** Answers within `timeoutMs` whether the backend takes commands. */
  async ping(name: QueueName, timeoutMs = 2_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queue(name).getJobCounts('waiting'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`queue backend (${this.kind}) did not answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Running jobs get a moment to finish; a backend that is down must not hold the process hostage. */
  async closeWorkers(): Promise<void> {
    await settleWithin(this.workers.map((worker) => worker.close()), CLOSE_TIMEOUT_MS);
    this.workers.length = 0;
  }

  async close(): Promise<void> {
    await this.closeWorkers();
    await settleWithin([...this.queues.values()].map((queue) => queue.close()), CLOSE_TIMEOUT_MS);
    this.queues.clear();
  }
}
