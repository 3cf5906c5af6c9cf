import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A job that failed its last attempt: kept where supervisors see it (the risk monitor flags it). */
@Entity({ name: 'failed_job' })
@Index('failed_job_unique_idx', ['queue', 'jobId'], { unique: true })
@Index('failed_job_failed_at_idx', ['failedAt', 'id'])
export class FailedJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  queue: string;

  @Column({ type: 'text' })
  jobId: string;

  @Column({ type: 'text' })
  jobName: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text' })
  error: string;

  @Column({ type: 'integer' })
  attempts: number;

  /** When it failed its last attempt; a job that fails again after a retry moves it on (and raises a new flag). */
  @CreateDateColumn({ type: 'timestamptz' })
  failedAt: Date;

  /** When an admin last sent it back to the queue (POST /api/operations/failed-jobs/:id/retry); null after it fails again. */
  @Column({ type: 'timestamptz', nullable: true })
  retriedAt: Date | null;
}
