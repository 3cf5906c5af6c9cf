import { randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { isInternalAddress } from '@app/notify-core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabaseNotifications } from '../database/database-notifications.js';
import { Keyset, PageQuery, type Page } from '../http/pagination.js';
import { conflict, notFound, unprocessable } from '../http/problem.js';
import { OutboxService } from '../queue/outbox/outbox.service.js';
import { JobName } from '../queue/queue-names.js';
import { ClockService } from '../time/clock.service.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookSubscription, type WebhookEvent } from './webhook-subscription.entity.js';
import type { CreateWebhookDto, DeliveryView, UpdateWebhookDto, WebhookView } from './webhook.dto.js';

const DELIVERY_PAGES = new Keyset('DESC', { seq: { sql: 'd.seq', type: 'bigint' }, id: { sql: 'd.id', type: 'uuid' } });

const view = (row: WebhookSubscription): WebhookView => ({ id: row.id, url: row.url, events: row.events, active: row.active, createdAt: row.createdAt.toISOString() });

const deliveryView = (row: WebhookDelivery): DeliveryView => ({
  id: row.id,
  event: row.event,
  orderKey: row.orderKey,
  status: row.status,
  payload: row.payload,
  attempts: row.attempts,
  createdAt: row.createdAt.toISOString(),
  deliveredAt: row.deliveredAt?.toISOString() ?? null,
});

/**
 * The lock that orders one subscriber's deliveries of one case: taken by the transaction that adds a
 * delivery and by the one that finishes the delivery before it, so that the finisher either sees the new
 * one (and queues it) or the new one's job sees its predecessor done.
 */
export const ORDER_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('webhook:' || $1 || ':' || $2)::bigint)`;

/** Channel of `pg_notify(WEBHOOKS_CHANGED, '')`, sent in the transaction that changes a subscription. */
export const WEBHOOKS_CHANGED = 'ywtb_webhooks_changed';

/** How long a process trusts the subscribers it knows without hearing of a change (a lost listening connection). */
const SUBSCRIBERS_TRUST_MS = 5_000;

interface Subscriber {
  id: string;
  events: string[];
}

/** Case events pushed to other systems: subscriptions (admin) and their deliveries, written through the outbox. */
@Injectable()
export class WebhooksService implements OnApplicationBootstrap {
  /**
   * The active subscriptions, as every case event needs them (several times per case); forgotten when any
   * process changes one (`WEBHOOKS_CHANGED`), and asked again after SUBSCRIBERS_TRUST_MS regardless.
   */
  private subscribers: { rows: Subscriber[]; until: number } | null = null;
  /** Raised by every announced change: a list read before it must not be kept. */
  private generation = 0;

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxService,
    private readonly clock: ClockService,
    private readonly notifications: DatabaseNotifications,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.notifications.listen(WEBHOOKS_CHANGED, { notified: () => this.forgetSubscribers(), missed: () => this.forgetSubscribers() });
  }

  private forgetSubscribers(): void {
    this.generation++;
    this.subscribers = null;
  }

  /**
   * Runs a change of subscriptions in one transaction with its announcement, so every process forgets its
   * list once it commits; this process forgets it before and after too (a list read meanwhile is not kept).
   */
  private async changing<T>(work: () => Promise<T>): Promise<T> {
    this.forgetSubscribers();
    try {
      return await this.txHost.withTransaction(async () => {
        const result = await work();
        await this.txHost.tx.query('SELECT pg_notify($1, $2)', [WEBHOOKS_CHANGED, '']);
        return result;
      });
    } finally {
      this.forgetSubscribers();
    }
  }

  /** The ids of the active subscribers of `event`, in id order. */
  private async subscribersOf(event: WebhookEvent): Promise<string[]> {
    let rows = this.subscribers && performance.now() < this.subscribers.until ? this.subscribers.rows : null;
    if (!rows) {
      const generation = this.generation;
      rows = (await this.txHost.tx.query(`SELECT id, events FROM webhook_subscription WHERE active ORDER BY id`)) as Subscriber[];
      if (generation === this.generation) this.subscribers = { rows, until: performance.now() + SUBSCRIBERS_TRUST_MS };
    }
    return rows.filter((row) => row.events.includes(event)).map((row) => row.id);
  }

  async create(dto: CreateWebhookDto, createdBy: string): Promise<WebhookView> {
    await this.checkTarget(dto.url);
    const saved = await this.changing(() => {
      const repository = this.txHost.tx.getRepository(WebhookSubscription);
      return repository.save(repository.create({ url: dto.url, events: dto.events, secret: dto.secret, createdBy }));
    });
    return view(saved);
  }

  async list(): Promise<{ items: WebhookView[] }> {
    const rows = await this.txHost.tx.getRepository(WebhookSubscription).find({ order: { createdAt: 'ASC' } });
    return { items: rows.map(view) };
  }

  async get(id: string): Promise<WebhookView> {
    return view(await this.find(id));
  }

  async update(id: string, dto: UpdateWebhookDto): Promise<WebhookView> {
    const row = await this.find(id);
    if (dto.url !== undefined) await this.checkTarget(dto.url);
    const changes: Partial<WebhookSubscription> = {};
    if (dto.url !== undefined) changes.url = dto.url;
    if (dto.events !== undefined) changes.events = dto.events;
    if (dto.secret !== undefined) changes.secret = dto.secret;
    if (dto.active !== undefined) changes.active = dto.active;
    if (Object.keys(changes).length > 0) await this.changing(() => this.txHost.tx.getRepository(WebhookSubscription).update({ id }, changes));
    return view({ ...row, ...changes });
  }

  /** Deactivates: the subscription and its deliveries stay, as the record of what was sent. */
  async remove(id: string): Promise<void> {
    await this.find(id);
    await this.changing(() => this.txHost.tx.getRepository(WebhookSubscription).update({ id }, { active: false }));
  }

  async deliveries(id: string, page: PageQuery): Promise<Page<DeliveryView>> {
    await this.find(id);
    const limit = page.limit ?? 50;
    const before = DELIVERY_PAGES.decode(page.cursor);
    const query = this.txHost.tx
      .getRepository(WebhookDelivery)
      .createQueryBuilder('d')
      .where('d.subscriptionId = :id', { id })
      .orderBy(DELIVERY_PAGES.orderBy)
      .limit(limit + 1);
    if (before) query.andWhere(...DELIVERY_PAGES.after(before));
    const rows = await query.getMany();
    return DELIVERY_PAGES.page(rows, limit, deliveryView, (row) => ({ seq: String(row.seq), id: row.id }));
  }

  /**
   * Records `event` for every active subscriber of it, in the caller's transaction (so an event exists
   * exactly when the change that caused it committed). `orderKey` (a case id) orders the deliveries.
   */
  async publish(event: WebhookEvent, orderKey: string, data: Record<string, unknown>): Promise<void> {
    await this.publishMany(event, [{ orderKey, data }]);
  }

  /** Many events of one kind (a benefit run's grants) with one look-up of the subscribers. */
  async publishMany(event: WebhookEvent, items: readonly { orderKey: string; data: Record<string, unknown> }[]): Promise<void> {
    if (items.length === 0) return;
    const subscribers = await this.subscribersOf(event);
    if (subscribers.length === 0) return;
    const occurredAt = this.clock.now().toISOString();
    const rows = [];
    for (const subscriber of subscribers) {
      for (const { orderKey, data } of items) {
        await this.txHost.tx.query(ORDER_LOCK_SQL, [subscriber, orderKey]);
        const id = randomUUID();
        rows.push({ id, subscriptionId: subscriber, event, orderKey, payload: { id, event, occurredAt, data } });
      }
    }
    await this.txHost.tx.getRepository(WebhookDelivery).insert(rows);
    await this.outbox.enqueue(...rows.map((row) => ({ name: JobName.DeliverWebhook, data: { deliveryId: row.id } }) as const));
  }

  /** An admin sends a failed delivery again, with a fresh round of attempts and the same id. */
  @Transactional()
  async redeliver(subscriptionId: string, deliveryId: string): Promise<DeliveryView> {
    const row = await this.txHost.tx.getRepository(WebhookDelivery).findOne({ where: { id: deliveryId, subscriptionId } });
    if (!row) throw notFound('webhook_delivery.not_found', 'No delivery with this id for this webhook.');
    if (row.status !== 'failed') throw conflict('webhook_delivery.not_failed', `The delivery is ${row.status}, not failed.`);
    await this.txHost.tx.query(ORDER_LOCK_SQL, [subscriptionId, row.orderKey]);
    await this.txHost.tx.getRepository(WebhookDelivery).update({ id: deliveryId }, { status: 'pending', claimedUntil: null });
    await this.outbox.enqueue({ name: JobName.DeliverWebhook, data: { deliveryId } });
    return deliveryView({ ...row, status: 'pending' });
  }

  private async find(id: string): Promise<WebhookSubscription> {
    const row = await this.txHost.tx.getRepository(WebhookSubscription).findOne({ where: { id } });
    if (!row) throw notFound('webhook.not_found', 'No webhook with this id.');
    return row;
  }

  /**
   * SSRF guard at registration: the host must resolve, and only to public addresses, unless the operator
   * allows internal targets. Delivery checks again, on the address it connects to (DNS may change).
   */
  private async checkTarget(url: string): Promise<void> {
    if (this.config.notifications.allowPrivateWebhookTargets) return;
    const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
    let addresses: string[];
    if (isIP(host)) addresses = [host];
    else {
      try {
        addresses = (await lookup(host, { all: true })).map((entry) => entry.address);
      } catch {
        throw unprocessable('webhook.target_unresolvable', `The host ${host} does not resolve.`, [{ path: 'url', message: 'host does not resolve' }]);
      }
    }
    if (addresses.length === 0 || addresses.some(isInternalAddress)) {
      throw unprocessable('webhook.target_not_allowed', 'Webhooks may not target loopback, private or link-local addresses (WEBHOOK_ALLOW_PRIVATE_TARGETS).', [
        { path: 'url', message: 'resolves to an internal address' },
      ]);
    }
  }
}
