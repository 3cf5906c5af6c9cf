import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job waiting to reach the queue. Written in the same transaction as the state change that caused
 * it; the relay enqueues it with jobId = id and stamps relayedAt. Rows are kept after relaying as an
 * audit of what was sent, and pruned by age.
 */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_pending_idx', ['id'], { where: 'relayed_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'text' })
  queue: string;

  @Column({ type: 'text' })
  jobName: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** The job runs no earlier than this many ms after it reaches the queue (timers such as 公示). */
  @Column({ type: 'integer', default: 0 })
  delayMs: number;

  /** The queue job id when the job has its own (a timer's, which the reconciler re-enqueues under it); null: `outbox-<id>`. */
  @Column({ type: 'text', nullable: true })
  jobId: string | null;

  /** W3C trace context of the request that wrote the row (`traceparent`, …), so the job's span continues its trace. */
  @Column({ type: 'jsonb', nullable: true })
  traceContext: Record<string, string> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Set while one relay holds the row, so two relays do not work on the same rows at once. */
  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
