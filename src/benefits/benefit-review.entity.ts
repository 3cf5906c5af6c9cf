import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SubjectType } from '../registry/registry-records.js';
import { BenefitGrant } from './benefit-grant.entity.js';

export type BenefitReviewStatus = 'open' | 'kept' | 'revoked';
export type BenefitReviewReason = 'no_longer_eligible' | 'rule_failed';

/**
 * A grant whose subject no longer qualifies after a registry change. Never acted on automatically: a
 * clerk keeps the grant or revokes it. At most one open review per grant.
 */
@Entity({ name: 'benefit_review' })
@Index('benefit_review_open_grant_key', ['grantId'], { unique: true, where: `status = 'open'` })
@Index('benefit_review_status_idx', ['status', 'createdAt'])
export class BenefitReview {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => BenefitGrant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'grant_id' })
  grant?: BenefitGrant;

  @Column({ type: 'bigint' })
  grantId: string;

  @Column({ type: 'uuid' })
  policyId: string;

  @Column({ type: 'text' })
  subjectType: SubjectType;

  @Column({ type: 'bigint' })
  subjectId: string;

  /** `rule_failed`: a fact the rule needs is now missing, so it cannot say yes. */
  @Column({ type: 'text' })
  reason: BenefitReviewReason;

  /** The facts the rule read when the subject stopped qualifying. */
  @Column({ type: 'jsonb' })
  facts: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  importId: string | null;

  @Column({ type: 'text', default: 'open' })
  status: BenefitReviewStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
