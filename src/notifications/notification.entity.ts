import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type NotificationChannel = 'in-app' | 'sms' | 'email';
/** `held`: an SMS waiting out quiet hours until `notBefore`; `failed`: every attempt used up, shown to admins. */
export type NotificationStatus = 'pending' | 'held' | 'delivered' | 'failed';

/**
 * A message to one user on one channel; created with the state change that caused it, delivered by a
 * queue worker. Its id is the id the SMS gateway and the mail see on every attempt.
 */
@Entity({ name: 'notification' })
@Index('notification_recipient_idx', ['recipientId', 'createdAt'])
@Index('notification_unread_idx', ['recipientId'], { where: "channel = 'in-app' AND read_at IS NULL" })
@Index('notification_attention_idx', ['status', 'notBefore'], { where: "status IN ('held', 'failed')" })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  recipientId: string;

  @Column({ type: 'text' })
  channel: NotificationChannel;

  /** A stable template key (e.g. `case.case_accepted`); the text is rendered from it (libs/notify-core). */
  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  /** The case the notice is about, if any: the inbox links to it. */
  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'text', default: 'pending' })
  status: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  deliveryAttempts: number;

  /** A held SMS goes out no earlier than this (the end of quiet hours). */
  @Column({ type: 'timestamptz', nullable: true })
  notBefore: Date | null;

  /** Set while one worker sends, so a duplicate job does not send at the same moment. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  /** Why the last attempt failed (never the phone number or address). */
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** When the recipient read it in the inbox (in-app only). */
  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
