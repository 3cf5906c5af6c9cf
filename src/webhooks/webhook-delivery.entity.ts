import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface DeliveryAttempt {
  at: string;
  /** The subscriber's HTTP status, or null when no answer came (refused, timeout, blocked address). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One event for one subscriber. Its id is the `X-Ywtb-Delivery` header on every attempt; `seq` orders the
 * deliveries of one subscriber and ordering key (the case), which go out one after the other.
 */
@Entity({ name: 'webhook_delivery' })
@Index('webhook_delivery_order_idx', ['subscriptionId', 'orderKey', 'seq'], { where: "status = 'pending'" })
@Index('webhook_delivery_subscription_idx', ['subscriptionId', 'seq'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint', generated: 'increment' })
  seq: string;

  @Column({ type: 'uuid' })
  subscriptionId: string;

  @Column({ type: 'text' })
  event: string;

  /** Deliveries with the same key (a case id) are delivered in `seq` order. */
  @Column({ type: 'text' })
  orderKey: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attempts: DeliveryAttempt[];

  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
