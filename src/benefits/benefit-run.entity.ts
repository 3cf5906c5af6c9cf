import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BenefitPolicyVersion } from './benefit-policy-version.entity.js';
import { BenefitPolicy } from './benefit-policy.entity.js';

export type BenefitRunStatus = 'queued' | 'running' | 'completed' | 'failed';

/**
 * A grant run of one policy version over the registry as it stood when the run was asked for: the
 * subjects with ids from `firstSubjectId` to `lastSubjectId`, in chunks of `chunkSize` ids, up to
 * `parallelism` of them at once (each finished chunk queues the one `parallelism` further on). Each chunk
 * is claimed once in benefit_run_chunk, so a chunk job that runs twice counts once.
 */
@Entity({ name: 'benefit_run' })
@Index('benefit_run_policy_idx', ['policyId', 'createdAt'])
export class BenefitRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => BenefitPolicy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_id' })
  policy?: BenefitPolicy;

  @Column({ type: 'uuid' })
  policyId: string;

  @ManyToOne(() => BenefitPolicyVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_version_id' })
  policyVersion?: BenefitPolicyVersion;

  @Column({ type: 'uuid' })
  policyVersionId: string;

  @Column({ type: 'boolean' })
  dryRun: boolean;

  @Column({ type: 'text', default: 'queued' })
  status: BenefitRunStatus;

  /** The China date ages are computed at and the period is taken from. */
  @Column({ type: 'date' })
  asOf: string;

  @Column({ type: 'text' })
  period: string;

  @Column({ type: 'integer' })
  chunkSize: number;

  @Column({ type: 'integer', default: 1 })
  parallelism: number;

  @Column({ type: 'bigint', nullable: true })
  firstSubjectId: string | null;

  @Column({ type: 'bigint', nullable: true })
  lastSubjectId: string | null;

  @Column({ type: 'integer' })
  chunksTotal: number;

  @Column({ type: 'integer', default: 0 })
  chunksDone: number;

  @Column({ type: 'integer', default: 0 })
  evaluated: number;

  @Column({ type: 'integer', default: 0 })
  eligible: number;

  @Column({ type: 'integer', default: 0 })
  granted: number;

  @Column({ type: 'integer', default: 0 })
  skippedExisting: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
