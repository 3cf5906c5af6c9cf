import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Keyset, PageQuery, type Page } from '../http/pagination.js';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { OutboxService } from '../queue/outbox/outbox.service.js';
import { JobName, type JobPayloads } from '../queue/queue-names.js';
import { Notification, type NotificationChannel } from './notification.entity.js';

export interface NotifyRequest {
  recipientId: string;
  template: string;
  data?: Record<string, unknown>;
  channel?: NotificationChannel;
}

/**
 * Newest first; by the millisecond, as the cursor carries a JS Date and the column the microseconds of now():
 * the rows of one transaction share them, and ordering by microseconds would let a page boundary skip some.
 */
const NOTIFICATION_PAGES = new Keyset('DESC', { createdAt: { sql: "date_trunc('milliseconds', n.createdAt)", type: 'timestamp' }, id: { sql: 'n.id', type: 'uuid' } });

/** Messages to users: recorded with the state change that causes them, delivered by the notifications queue. */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxService,
  ) {}

  /** Call inside the caller's transaction: the notification exists only if the change commits. */
  async notify(...requests: NotifyRequest[]): Promise<string[]> {
    if (requests.length === 0) return [];
    const repository = this.txHost.tx.getRepository(Notification);
    const rows = await repository.save(
      requests.map((r) => repository.create({ recipientId: r.recipientId, template: r.template, data: r.data ?? {}, channel: r.channel ?? 'in-app' })),
    );
    await this.outbox.enqueue(...rows.map((row) => ({ name: JobName.DeliverNotification, data: { notificationId: row.id } }) as const));
    return rows.map((row) => row.id);
  }

  /**
   * Delivers one notification. In-app messages are delivered by being marked so; SMS and e-mail
   * gateways plug in here. A repeated job finds the row delivered and does nothing.
   */
  @JobHandler(JobName.DeliverNotification)
  @Transactional()
  async deliver(payload: JobPayloads[JobName.DeliverNotification]): Promise<'delivered' | 'skipped'> {
    const repository = this.txHost.tx.getRepository(Notification);
    const notification = await repository.findOne({ where: { id: payload.notificationId }, lock: { mode: 'pessimistic_write' } });
    if (!notification || notification.status !== 'pending') return 'skipped';
    notification.status = 'delivered';
    notification.deliveredAt = new Date();
    notification.deliveryAttempts += 1;
    await repository.save(notification);
    this.logger.debug(`notification ${notification.id} (${notification.template}) delivered via ${notification.channel}`);
    return 'delivered';
  }

  async list(recipientId: string, page: PageQuery): Promise<Page<Notification>> {
    const limit = page.limit ?? 50;
    const before = NOTIFICATION_PAGES.decode(page.cursor);
    const query = this.txHost.tx
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.recipientId = :recipientId', { recipientId })
      .orderBy(NOTIFICATION_PAGES.orderBy)
      .limit(limit + 1);
    if (before) query.andWhere(...NOTIFICATION_PAGES.after(before));
    const rows = await query.getMany();
    return NOTIFICATION_PAGES.page(rows, limit, (row) => row, (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }));
  }
}
