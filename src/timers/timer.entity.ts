import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type TimerState = 'pending' | 'fired' | 'cancelled';

/**
 * Something that must happen at a time (a 公示 period ending, …): PostgreSQL decides what happens when,
 * a delayed queue job is only the fast path to it. Written in the transaction of the state change that
 * starts it; the job that fires it marks it fired in the transaction of its effect. The reconciler
 * re-enqueues `job_id` for every pending timer whose job the queue lost.
 */
@Entity({ name: 'timer' })
@Index('timer_pending_due_idx', ['dueAt', 'id'], { where: `state = 'pending'` })
@Index('timer_subject_key_idx', ['kind', 'subject', 'key'], { unique: true, where: `state = 'pending'` })
export class Timer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** What kind of thing it times, e.g. `case-timer` (a workflow timer step). */
  @Column({ type: 'text' })
  kind: string;

  /** The row it belongs to, e.g. the case id. */
  @Column({ type: 'text' })
  subject: string;

  /** Which timer of the subject, e.g. the engine's timer id. */
  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text' })
  jobName: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** The queue job's id: the same every time the job is (re-)enqueued, so the queue keeps one. */
  @Column({ type: 'text' })
  jobId: string;

  @Column({ type: 'text', default: 'pending' })
  state: TimerState;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When it fired (or was cancelled). */
  @Column({ type: 'timestamptz', nullable: true })
  firedAt: Date | null;
}
