import { Inject, Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RetryPlanner } from '../notifications/retry-policy.js';
import { signedPost } from '../notifications/signed-post.js';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { OutboxService } from '../queue/outbox/outbox.service.js';
import { JobName, type JobPayloads } from '../queue/queue-names.js';
import type { DeliveryAttempt } from './webhook-delivery.entity.js';
import { ORDER_LOCK_SQL } from './webhooks.service.js';
import { ClockService } from '../time/clock.service.js';

const CLAIM_SECONDS = 90;

interface ClaimedDelivery {
  id: string;
  seq: string;
  subscription_id: string;
  event: string;
  order_key: string;
  payload: Record<string, unknown>;
  attempts: DeliveryAttempt[];
}

class StillDelivering extends Error {}

type Outcome = 'delivered' | 'failed' | 'retrying' | 'waiting' | 'skipped';

/**
 * Sends one webhook delivery: at least once, in order per subscriber and case, retried with backoff
 * under the same `X-Ywtb-Delivery` id. A delivery waits while an earlier one of its case is pending; the
 * earlier one, once done (delivered or failed for good), queues the next.
 */
@Injectable()
export class WebhookDeliveryJobs {
  private readonly logger = new Logger(WebhookDeliveryJobs.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxService,
    private readonly retries: RetryPlanner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: ClockService,
  ) {}

  @JobHandler(JobName.DeliverWebhook)
  async deliver(payload: JobPayloads[JobName.DeliverWebhook]): Promise<Outcome> {
    const row = await this.claim(payload.deliveryId);
    if (!row) return 'skipped';
    const [earlier] = await this.dataSource.query(
      `SELECT 1 FROM webhook_delivery WHERE subscription_id = $1 AND order_key = $2 AND status = 'pending' AND seq < $3 LIMIT 1`,
      [row.subscription_id, row.order_key, row.seq],
    );
    if (earlier) {
      await this.dataSource.query(`UPDATE webhook_delivery SET claimed_until = NULL WHERE id = $1`, [row.id]);
      return 'waiting';
    }
    const [subscription]: { url: string; secret: string; active: boolean }[] = await this.dataSource.query(
      `SELECT url, secret, active FROM webhook_subscription WHERE id = $1`,
      [row.subscription_id],
    );
    if (!subscription?.active) return this.settle(row, 'failed', { at: this.clock.now().toISOString(), statusCode: null, error: 'the webhook was deactivated', durationMs: 0 });

    const at = this.clock.now().toISOString();
    const result = await signedPost({
      url: subscription.url,
      secret: subscription.secret,
      body: row.payload,
      headers: { 'X-Ywtb-Delivery': row.id, 'X-Ywtb-Event': row.event },
      timeoutMs: this.config.notifications.timeoutMs,
      publicOnly: !this.config.notifications.allowPrivateWebhookTargets,
    });
    const attempt: DeliveryAttempt = { at, statusCode: result.statusCode, error: result.error, durationMs: result.durationMs };
    if (result.error === null) return this.settle(row, 'delivered', attempt);

    const delayMs = this.retries.afterFailure(row.attempts.length + 1);
    this.logger.warn(`webhook delivery ${row.id} (${row.event}) attempt ${row.attempts.length + 1} failed: ${result.error}${delayMs === null ? '; giving up' : `; again in ${delayMs} ms`}`);
    if (delayMs === null) return this.settle(row, 'failed', attempt);
    await this.txHost.withTransaction(async () => {
      await this.txHost.tx.query(`UPDATE webhook_delivery SET attempts = attempts || $2::jsonb, claimed_until = NULL WHERE id = $1`, [row.id, JSON.stringify([attempt])]);
      await this.outbox.enqueueDelayed(delayMs, { name: JobName.DeliverWebhook, data: { deliveryId: row.id } });
    });
    return 'retrying';
  }

  /** A lease is always released when an attempt ends; one that ran out a minute ago belonged to a worker that died. */
  @JobHandler(JobName.RequeueStrandedWebhooks)
  async requeueStranded(): Promise<number> {
    return this.txHost.withTransaction(async () => {
      const rows: { id: string }[] = await this.txHost.tx.query(
        `WITH stranded AS (
           UPDATE webhook_delivery SET claimed_until = NULL
            WHERE id IN (SELECT id FROM webhook_delivery WHERE status = 'pending' AND claimed_until < now() - interval '1 minute' LIMIT 1000 FOR UPDATE SKIP LOCKED)
            RETURNING id)
         SELECT id FROM stranded`,
      );
      await this.outbox.enqueue(...rows.map((r) => ({ name: JobName.DeliverWebhook, data: { deliveryId: r.id } }) as const));
      return rows.length;
    });
  }

  private async claim(id: string): Promise<ClaimedDelivery | null> {
    const [claimed]: ClaimedDelivery[] = await this.dataSource.query(
      // As a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
      `WITH claimed AS (
         UPDATE webhook_delivery SET claimed_until = now() + make_interval(secs => $2)
          WHERE id = $1 AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
          RETURNING id, seq::text AS seq, subscription_id, event, order_key, payload, attempts)
       SELECT * FROM claimed`,
      [id, CLAIM_SECONDS],
    );
    if (claimed) return claimed;
    const [current]: { status: string }[] = await this.dataSource.query(`SELECT status FROM webhook_delivery WHERE id = $1`, [id]);
    if (current?.status === 'pending') throw new StillDelivering(`webhook delivery ${id} is being sent by another worker`);
    return null;
  }

  /** Ends a delivery and, under the case's order lock, queues the next pending one of its case. */
  private async settle(row: ClaimedDelivery, status: 'delivered' | 'failed', attempt: DeliveryAttempt): Promise<Outcome> {
    await this.txHost.withTransaction(async () => {
      await this.txHost.tx.query(ORDER_LOCK_SQL, [row.subscription_id, row.order_key]);
      await this.txHost.tx.query(
        `UPDATE webhook_delivery SET status = $2, attempts = attempts || $3::jsonb, claimed_until = NULL,
                delivered_at = CASE WHEN $2 = 'delivered' THEN now() ELSE NULL END
          WHERE id = $1`,
        [row.id, status, JSON.stringify([attempt])],
      );
      const [next]: { id: string }[] = await this.txHost.tx.query(
        `SELECT id FROM webhook_delivery WHERE subscription_id = $1 AND order_key = $2 AND status = 'pending' ORDER BY seq LIMIT 1`,
        [row.subscription_id, row.order_key],
      );
      if (next) await this.outbox.enqueue({ name: JobName.DeliverWebhook, data: { deliveryId: next.id } });
    });
    if (status === 'failed') this.logger.error(`webhook delivery ${row.id} (${row.event}) failed for good: ${attempt.error}`);
    return status;
  }
}
