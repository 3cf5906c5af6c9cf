import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SubjectType } from '../registry/registry-records.js';
import { BenefitPolicyVersion } from './benefit-policy-version.entity.js';
import { BenefitPolicy } from './benefit-policy.entity.js';

export type BenefitGrantStatus = 'granted' | 'declined' | 'revoked';

/**
 * A benefit granted without an application. Unique per policy, subject and period: a re-run, a
 * repeated job or a re-evaluation racing a run can never grant twice. Its explanation is the policy
 * version (rule text, version), `asOf` and `facts`: the values the rule read, as they were then.
 */
@Entity({ name: 'benefit_grant' })
@Index('benefit_grant_policy_subject_period_key', ['policyId', 'subjectId', 'period'], { unique: true })
@Index('benefit_grant_subject_idx', ['subjectType', 'subjectId'])
export class BenefitGrant {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
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

  @Column({ type: 'text' })
  subjectType: SubjectType;

  /** registry_person.id or registry_enterprise.id, by subjectType. */
  @Column({ type: 'bigint' })
  subjectId: string;

  @Column({ type: 'text' })
  period: string;

  @Column({ type: 'numeric', precision: 12, scale: 2 })
  amount: string;

  @Column({ type: 'text', default: 'granted' })
  status: BenefitGrantStatus;

  /**
   * The run that granted it, or null when a registry change did (then importId says which import). No
   * foreign key: the run writes this in its own transaction, and a key check would look up and lock the
   * run row once per grant, a tenth of a million-subject run's time.
   */
  @Column({ type: 'uuid', nullable: true })
  runId: string | null;

  @Column({ type: 'uuid', nullable: true })
  importId: string | null;

  @Column({ type: 'date' })
  asOf: string;

  /** `{ 'person.age': 83, 'person.hukouDistrict': '南关区' }`: the facts the rule used, at `asOf`. */
  @Column({ type: 'jsonb' })
  facts: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  grantedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  declinedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
