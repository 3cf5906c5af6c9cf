import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { renderNotice, sendableAt } from '@app/notify-core';
import { DataSource } from 'typeorm';
import { OutboxService } from '../queue/outbox/outbox.service.js';
import { JobName, type JobPayloads } from '../queue/queue-names.js';
import { ClockService } from '../time/clock.service.js';
import { MailSender } from './email/mail-sender.js';
import type { Notification } from './notification.entity.js';
import { RetryPlanner } from './retry-policy.js';
import { SmsGateway } from './sms/sms-gateway.js';

/** How long one worker holds a message while sending; longer than any attempt may take. */
const CLAIM_SECONDS = 90;

type Outcome = 'delivered' | 'skipped' | 'held' | 'retrying' | 'failed';

interface ClaimedRow {
  id: string;
  recipient_id: string;
  channel: Notification['channel'];
  template: string;
  data: Record<string, unknown>;
  delivery_attempts: number;
}

class StillSending extends Error {}

/**
 * Delivers notifications, one job per message and attempt. A message is claimed with a lease before it
 * is sent (no transaction is held while talking to a gateway: on the embedded database that would stop
 * everything else); a failed attempt schedules the next through the outbox, under the same id, until the
 * attempts are used up and the message is `failed`. A job repeated after a crash sends again, with the
 * same id, which the gateway can use to drop the duplicate.
 */
@Injectable()
export class NotificationDelivery {
  private readonly logger = new Logger(NotificationDelivery.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxService,
    private readonly clock: ClockService,
    private readonly sms: SmsGateway,
    private readonly mail: MailSender,
    private readonly retries: RetryPlanner,
  ) {}

  async deliver(payload: JobPayloads[JobName.DeliverNotification]): Promise<Outcome> {
    if (await this.deliverToInbox(payload.notificationId)) return 'delivered';
    const row = await this.claim(payload.notificationId);
    if (!row) return 'skipped';

    const notice = renderNotice(row.template, row.data);
    if (row.channel === 'sms' && !notice.urgent) {
      const now = this.clock.now();
      const at = sendableAt(now);
      if (at.getTime() > now.getTime()) {
        await this.dataSource.query(`UPDATE notification SET status = 'held', not_before = $2, claimed_until = NULL WHERE id = $1`, [row.id, at]);
        return 'held';
      }
    }

    const contact = await this.contactOf(row.recipient_id);
    let error: string | null;
    if (row.channel === 'sms') {
      if (!contact.phone || !notice.sms) return this.finish(row, 'failed', !notice.sms ? 'the template has no SMS text' : 'the recipient has no phone number');
      const result = await this.sms.send({ id: row.id, phone: contact.phone, template: row.template, params: row.data, text: notice.sms });
      error = result.error;
    } else {
      if (!contact.email) return this.finish(row, 'failed', 'the recipient has no e-mail address');
      error = await this.mail
        .send({ messageId: row.id, to: contact.email, subject: notice.title, text: notice.sms ?? notice.title })
        .then(() => null, (e: Error) => e.message);
    }
    if (error === null) return this.finish(row, 'delivered', null);

    const attempts = row.delivery_attempts + 1;
    const delayMs = this.retries.afterFailure(attempts);
    // The phone number and address never reach the log: the id finds the row.
    this.logger.warn(`${row.channel} ${row.id} (${row.template}) attempt ${attempts} failed: ${error}${delayMs === null ? '; giving up' : `; again in ${delayMs} ms`}`);
    if (delayMs === null) return this.finish(row, 'failed', error);
    await this.txHost.withTransaction(async () => {
      await this.txHost.tx.query(
        `UPDATE notification SET delivery_attempts = $2, last_error = $3, claimed_until = NULL WHERE id = $1`,
        [row.id, attempts, error.slice(0, 500)],
      );
      await this.outbox.enqueueDelayed(delayMs, { name: JobName.DeliverNotification, data: { notificationId: row.id } });
    });
    return 'retrying';
  }

  /**
   * Puts the SMS held by quiet hours back in the queue once the morning (by the clock) has come, and the
   * messages whose sender died mid-send (a lease that ran out, never released). Runs on a cluster-wide
   * schedule; a test calls it after moving the clock.
   */
  async releaseHeld(): Promise<number> {
    await this.requeueStranded();
    return this.txHost.withTransaction(async () => {
      const rows: { id: string }[] = await this.txHost.tx.query(
        `WITH released AS (
           UPDATE notification SET status = 'pending', not_before = NULL
            WHERE id IN (SELECT id FROM notification WHERE status = 'held' AND not_before <= $1 ORDER BY not_before LIMIT 1000 FOR UPDATE SKIP LOCKED)
            RETURNING id)
         SELECT id FROM released`,
        [this.clock.now()],
      );
      await this.outbox.enqueue(...rows.map((r) => ({ name: JobName.DeliverNotification, data: { notificationId: r.id } }) as const));
      return rows.length;
    });
  }

  /** A lease is always released when an attempt ends; one that ran out a minute ago belonged to a worker that died. */
  private async requeueStranded(): Promise<void> {
    await this.txHost.withTransaction(async () => {
      const rows: { id: string }[] = await this.txHost.tx.query(
        `WITH stranded AS (
           UPDATE notification SET claimed_until = NULL
            WHERE id IN (SELECT id FROM notification WHERE status = 'pending' AND claimed_until < now() - interval '1 minute' LIMIT 1000 FOR UPDATE SKIP LOCKED)
            RETURNING id)
         SELECT id FROM stranded`,
      );
      await this.outbox.enqueue(...rows.map((r) => ({ name: JobName.DeliverNotification, data: { notificationId: r.id } }) as const));
    });
  }

  /**
   * An inbox notice needs no gateway, so it takes no lease: one conditional UPDATE delivers it. A worker
   * that dies around it leaves the row either pending (the next attempt delivers) or delivered (the next
   * attempt skips) — never leased to a dead worker for the lease's length.
   */
  private async deliverToInbox(id: string): Promise<boolean> {
    const delivered: unknown[] = await this.dataSource.query(
      `WITH delivered AS (
         UPDATE notification SET status = 'delivered', delivery_attempts = delivery_attempts + 1, delivered_at = now(), claimed_until = NULL
          WHERE id = $1 AND channel = 'in-app' AND status = 'pending'
          RETURNING id)
       SELECT id FROM delivered`,
      [id],
    );
    return delivered.length > 0;
  }

  /**
   * Takes the message for this worker. A message another worker is sending makes this job fail, so the
   * queue retries it later (its sender may have died); a delivered or failed one ends the job.
   */
  private async claim(id: string): Promise<ClaimedRow | null> {
    const [claimed]: ClaimedRow[] = await this.dataSource.query(
      // As a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count].
      `WITH claimed AS (
         UPDATE notification SET claimed_until = now() + make_interval(secs => $2)
          WHERE id = $1 AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
          RETURNING id, recipient_id, channel, template, data, delivery_attempts)
       SELECT * FROM claimed`,
      [id, CLAIM_SECONDS],
    );
    if (claimed) return claimed;
    const [current]: { status: string }[] = await this.dataSource.query(`SELECT status FROM notification WHERE id = $1`, [id]);
    if (current?.status === 'pending') throw new StillSending(`notification ${id} is being sent by another worker`);
    return null;
  }

  private async finish(row: ClaimedRow, status: 'delivered' | 'failed', error: string | null): Promise<Outcome> {
    await this.dataSource.query(
      `UPDATE notification SET status = $2, delivery_attempts = delivery_attempts + 1, last_error = $3, claimed_until = NULL,
              delivered_at = CASE WHEN $2 = 'delivered' THEN now() ELSE delivered_at END
        WHERE id = $1`,
      [row.id, status, error?.slice(0, 500) ?? null],
    );
    if (status === 'failed') this.logger.error(`${row.channel} ${row.id} (${row.template}) failed for good: ${error}`);
    return status;
  }

  private async contactOf(userId: string): Promise<{ phone: string | null; email: string | null }> {
    const [row]: { phone: string | null; email: string | null }[] = await this.dataSource.query(
      `SELECT nullif(facts->>'phone', '') AS phone, nullif(facts->>'email', '') AS email FROM app_user WHERE id = $1`,
      [userId],
    );
    return row ?? { phone: null, email: null };
  }
}
