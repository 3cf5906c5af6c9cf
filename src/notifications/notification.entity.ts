import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type NotificationChannel = 'in-app' | 'sms' | 'email';
export type NotificationStatus = 'pending' | 'delivered' | 'failed';

/** A message to one user; created with the state change that caused it, delivered by a queue worker. */
@Entity({ name: 'notification' })
@Index('notification_recipient_idx', ['recipientId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  recipientId: string;

  @Column({ type: 'text' })
  channel: NotificationChannel;

  /** A stable template key (e.g. `account.created`); the text is rendered per locale by the pages. */
  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  deliveryAttempts: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
