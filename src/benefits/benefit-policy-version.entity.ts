import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { BenefitPeriod } from './benefit-period.js';
import { BenefitPolicy } from './benefit-policy.entity.js';

/** One version of a policy, never changed once written: a grant's explanation points at it. */
@Entity({ name: 'benefit_policy_version' })
@Index('benefit_policy_version_key', ['policyId', 'version'], { unique: true })
export class BenefitPolicyVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => BenefitPolicy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_id' })
  policy?: BenefitPolicy;

  @Column({ type: 'uuid' })
  policyId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  name: string;

  /** CEL over `person` or `enterprise`; type-checked and proven to translate exactly to SQL when saved. */
  @Column({ type: 'text' })
  rule: string;

  /** The facts the rule reads, in order of first use: what an explanation shows. */
  @Column({ type: 'text', array: true })
  variablesUsed: string[];

  /** Yuan per period. */
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  amount: string;

  @Column({ type: 'text' })
  period: BenefitPeriod;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
