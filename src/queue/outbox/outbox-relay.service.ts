import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { TRACE_FIELD } from '../../observability/tracing.js';
import { QueueBackend } from '../queue-backend.js';
import type { QueueName } from '../queue-names.js';

interface ClaimedRow {
  id: string;
  queue: QueueName;
  job_name: string;
  payload: Record<string, unknown>;
  job_id: string | null;
  trace_context: Record<string, string> | null;
  /** What is left of the row's delay, counted from when it was written. */
  remaining_delay_ms: number;
}

const BATCH_SIZE = 200;
const CLAIM_SECONDS = 30;
const MAX_BACKOFF_MS = 10_000;

/** The queue job id of an outbox row. BullMQ refuses integer ids, hence the prefix. */
export const outboxJobId = (outboxId: string) => `outbox-${outboxId}`;

/**
 * Moves committed outbox rows to the queue, `jobId` = the row's id, so a row relayed twice (a relay
 * that died between enqueueing and stamping) still makes one job. Rows are claimed with a lease and
 * SKIP LOCKED, so any number of processes may relay at once. When the backend is unreachable the rows
 * stay and the relay backs off; it drains them when the backend returns.
 *
 * No database transaction is held while talking to the queue: in embedded mode the queue lives in the
 * same single-session database, and waiting on it inside a transaction would deadlock.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private backoffMs = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly backend: QueueBackend,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Relays what is waiting now; answers how many rows reached the queue. */
  async drainOnce(): Promise<number> {
    const rows: ClaimedRow[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE outbox_message SET claimed_until = now() + make_interval(secs => $2), attempts = attempts + 1
          WHERE id IN (SELECT id FROM outbox_message
                        WHERE relayed_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                        ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id, queue, job_name, payload, job_id, trace_context, delay_ms, created_at)
       SELECT id::text AS id, queue, job_name, payload, job_id, trace_context,
              greatest(0, delay_ms - (extract(epoch FROM now() - created_at) * 1000)::bigint)::int AS remaining_delay_ms
         FROM claimed ORDER BY id`,
      [BATCH_SIZE, CLAIM_SECONDS],
    );
    if (rows.length === 0) return 0;

    const byQueue = new Map<QueueName, ClaimedRow[]>();
    for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);

    let relayed = 0;
    for (const [queueName, queueRows] of byQueue) {
      const ids = queueRows.map((row) => row.id);
      try {
        await this.backend.queue(queueName).addBulk(
          queueRows.map((row) => ({
            name: row.job_name,
            // The trace of the request that wrote the row goes with the job, so the job's span continues it.
            data: row.trace_context ? { ...row.payload, [TRACE_FIELD]: row.trace_context } : row.payload,
            opts: { jobId: row.job_id ?? outboxJobId(row.id), ...(row.remaining_delay_ms > 0 ? { delay: row.remaining_delay_ms } : {}) },
          })),
        );
        await this.dataSource.query(
          `UPDATE outbox_message SET relayed_at = now(), claimed_until = NULL, last_error = NULL WHERE id = ANY($1::bigint[])`,
          [ids],
        );
        relayed += ids.length;
      } catch (error) {
        // Leave the rows for a later pass; the lease is shortened so they are retried after the backoff.
        this.backoffMs = Math.min(Math.max(this.backoffMs * 2, 250), MAX_BACKOFF_MS);
        await this.dataSource.query(
          `UPDATE outbox_message SET claimed_until = now() + make_interval(secs => $2::double precision / 1000), last_error = $3
            WHERE id = ANY($1::bigint[])`,
          [ids, this.backoffMs, String((error as Error).message).slice(0, 500)],
        );
        this.logger.warn(`queue ${queueName} unreachable, ${ids.length} outbox rows wait: ${(error as Error).message}`);
        return relayed;
      }
    }
    this.backoffMs = 0;
    return relayed;
  }

  /** Shortens the wait before the next pass; called after a commit that wrote outbox rows. */
  nudge(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let relayed = 0;
      try {
        relayed = await this.drainOnce();
      } catch (error) {
        this.backoffMs = Math.min(Math.max(this.backoffMs * 2, 250), MAX_BACKOFF_MS);
        this.logger.warn(`outbox relay pass failed: ${(error as Error).message}`);
      }
      if (relayed >= BATCH_SIZE) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.backoffMs || this.config.outbox.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}
