import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A job that failed its last attempt: kept where supervisors see it (the risk monitor flags it). */
@Entity({ name: 'failed_job' })
@Index('failed_job_unique_idx', ['queue', 'jobId'], { unique: true })
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

  @CreateDateColumn({ type: 'timestamptz' })
  failedAt: Date;
}
