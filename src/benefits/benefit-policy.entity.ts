import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Department } from '../catalog/department.entity.js';
import type { SubjectType } from '../registry/registry-records.js';

/**
 * A 免申即享 policy: who is entitled (the rule of its current version), to what, how often. The policy
 * row is the stable identity grants are unique by; what the rule said at any time is in its versions.
 */
@Entity({ name: 'benefit_policy' })
export class BenefitPolicy {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('benefit_policy_code_key', { unique: true })
  @Column({ type: 'text' })
  code: string;

  /** Fixed at creation: grants of a policy are unique per subject of one registry. */
  @Column({ type: 'text' })
  subjectType: SubjectType;

  @Column({ type: 'integer' })
  currentVersion: number;

  /** Runs and re-evaluations use active policies only; grants already made stay. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The department whose clerks review subjects who no longer qualify. */
  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_code' })
  department?: Department | null;

  @Column({ type: 'text', nullable: true })
  departmentCode: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
