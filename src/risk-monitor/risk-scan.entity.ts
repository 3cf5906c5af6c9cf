import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ScanStatus = 'queued' | 'running' | 'completed' | 'failed';

/** One run of the risk scan, asked for by a supervisor or by the cluster-wide schedule. */
@Entity({ name: 'risk_scan' })
@Index('risk_scan_created_idx', ['createdAt'])
export class RiskScan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', default: 'queued' })
  status: ScanStatus;

  @Column({ type: 'text' })
  trigger: 'request' | 'schedule';

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  /** New flags this scan opened. */
  @Column({ type: 'integer', default: 0 })
  flagged: number;

  /** Open flags whose condition this scan no longer found. */
  @Column({ type: 'integer', default: 0 })
  resolved: number;

  @Column({ type: 'integer', default: 0 })
  escalated: number;

  /** Whether this scan also reviewed the decided cases (at most every RISK_REVIEW_EVERY_MINUTES). */
  @Column({ type: 'boolean', default: false })
  reviewed: boolean;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
