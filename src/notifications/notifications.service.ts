import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { followUps, hasSms } from '@app/notify-core';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { conflict, notFound } from '../http/problem.js';
import { OutboxService } from '../queue/outbox/outbox.service.js';
import { JobName } from '../queue/queue-names.js';
import { Notification, type NotificationChannel, type NotificationStatus } from './notification.entity.js';

export interface NotifyRequest {
  recipientId: string;
  template: string;
  data?: Record<string, unknown>;
  /** Only this channel; by default the inbox, plus SMS and e-mail for the templates that have a text. */
  channel?: NotificationChannel;
  /** The case `data.caseNo` names, with its item's name, when the caller has them: saves the look-up by case number. */
  subject?: { id: string; itemName: string | null };
}

interface CaseFacts {
  case_no: string;
  id: string;
  item_name: string | null;
}

interface Contact {
  id: string;
  phone: string | null;
  email: string | null;
}

/**
 * Messages to users: recorded with the state change that causes them (one row per channel). An inbox
 * message is delivered by that commit; SMS and e-mail by the notifications queue (NotificationDelivery).
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Call inside the caller's transaction: the notifications exist only if the change commits. */
  async notify(...requests: NotifyRequest[]): Promise<string[]> {
    const all = requests.flatMap((r) => [r, ...followUps(r.template, r.data ?? {}).map((template) => ({ ...r, template }))]);
    if (all.length === 0) return [];
    const cases = await this.casesOf(all);
    const contacts = await this.contactsOf(all);
    const repository = this.txHost.tx.getRepository(Notification);
    const drafts = all.flatMap((r) => {
      const caseNo = typeof r.data?.caseNo === 'string' ? r.data.caseNo : null;
      const found = r.subject && caseNo ? { id: r.subject.id, item_name: r.subject.itemName } : caseNo ? cases.get(caseNo) : undefined;
      const data = { ...(found?.item_name && r.data?.itemName === undefined ? { itemName: found.item_name } : {}), ...r.data };
      const row = (channel: NotificationChannel): QueryDeepPartialEntity<Notification> =>
        // The inbox is the row itself: it is delivered when it commits, without a job to say so.
        channel === 'in-app'
          ? { recipientId: r.recipientId, template: r.template, data, channel, caseId: found?.id ?? null, status: 'delivered', deliveryAttempts: 1, deliveredAt: () => 'now()' }
          : { recipientId: r.recipientId, template: r.template, data, channel, caseId: found?.id ?? null };
      if (r.channel) return [row(r.channel)];
      const contact = contacts.get(r.recipientId);
      const outward = hasSms(r.template);
      return [
        row('in-app'),
        ...(outward && this.config.notifications.sms && contact?.phone ? [row('sms')] : []),
        ...(outward && this.config.notifications.smtp && contact?.email ? [row('email')] : []),
      ];
    });
    const ids = (await repository.insert(drafts)).identifiers.map((identifier) => String(identifier.id));
    const outward = ids.filter((_, i) => drafts[i]!.channel !== 'in-app');
    await this.outbox.enqueue(...outward.map((notificationId) => ({ name: JobName.DeliverNotification, data: { notificationId } }) as const));
    return ids;
  }

  /** SMS and e-mail that need an admin's eye: failed for good, or held by quiet hours. */
  async attention(status: Extract<NotificationStatus, 'failed' | 'held'>, limit: number): Promise<Notification[]> {
    return this.txHost.tx.getRepository(Notification).find({ where: { status }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** An admin sends a failed message again: a fresh round of attempts under the same id. */
  @Transactional()
  async retry(id: string): Promise<Notification> {
    const repository = this.txHost.tx.getRepository(Notification);
    const row = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound('notification.not_found', 'No notification with this id.');
    if (row.status !== 'failed') throw conflict('notification.not_failed', `The notification is ${row.status}, not failed.`);
    row.status = 'pending';
    row.deliveryAttempts = 0;
    row.lastError = null;
    await repository.save(row);
    await this.outbox.enqueue({ name: JobName.DeliverNotification, data: { notificationId: row.id } });
    return row;
  }

  /**
   * The case and item name of the notices that name a case number. A read of the cases' tables, so that
   * every producer need not pass the item name an SMS shows.
   */
  private async casesOf(requests: NotifyRequest[]): Promise<Map<string, CaseFacts>> {
    const numbers = [...new Set(requests.filter((r) => !r.subject).map((r) => r.data?.caseNo).filter((n): n is string => typeof n === 'string'))];
    if (numbers.length === 0) return new Map();
    const rows: CaseFacts[] = await this.txHost.tx.query(
      `SELECT c.case_no, c.id, coalesce(si.name, b.name) AS item_name
         FROM case_record c LEFT JOIN service_item si ON si.code = c.service_item_code LEFT JOIN bundle b ON b.code = c.bundle_code
        WHERE c.case_no = ANY($1::text[])`,
      [numbers],
    );
    return new Map(rows.map((row) => [row.case_no, row]));
  }

  private async contactsOf(requests: NotifyRequest[]): Promise<Map<string, Contact>> {
    if (!this.config.notifications.sms && !this.config.notifications.smtp) return new Map();
    const ids = [...new Set(requests.filter((r) => !r.channel && hasSms(r.template)).map((r) => r.recipientId))];
    if (ids.length === 0) return new Map();
    const rows: Contact[] = await this.txHost.tx.query(
      `SELECT id, nullif(facts->>'phone', '') AS phone, nullif(facts->>'email', '') AS email FROM app_user WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }
}
