import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Department } from '../catalog/department.entity.js';

export const ROLES = ['citizen', 'clerk', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Facts about an applicant that rules may read (`applicant.*`). Kept with the account so a case can
 * snapshot them at acceptance; the person registry of 免申即享 is a separate, imported source.
 */
export interface ApplicantFacts {
  kind?: 'person' | 'enterprise';
  gender?: 'M' | 'F';
  birthDate?: string;
  hukouDistrict?: string;
  creditLevel?: string;
  disabilityLevel?: number;
  monthlyIncome?: number;
  householdSize?: number;
  phone?: string;
  /** Where e-mail notices go (docs/notifications.md). */
  email?: string;
  companyName?: string;
  uscc?: string;
  enterpriseType?: string;
  industry?: string;
  employees?: number;
  registeredAt?: string;
  registeredDistrict?: string;
  legalRepresentative?: string;
}

@Entity({ name: 'app_user' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('app_user_username_key', { unique: true })
  @Column({ type: 'text' })
  username: string;

  /** scrypt hash with its parameters and salt; never returned by the API. */
  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'text', nullable: true })
  departmentCode: string | null;

  @ManyToOne(() => Department, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_code' })
  department?: Department | null;

  @Column({ type: 'text' })
  displayName: string;

  /** The 居民身份证 number sealed with DATA_KEY (IdNumberCipher); a case snapshots it masked. */
  @Column({ type: 'text', nullable: true })
  idNumberSealed: string | null;

  /** The number's keyed hash (IdNumberCipher.lookupHash): grants find their holder's account by it. */
  @Index('app_user_id_number_hash_idx', { where: 'id_number_hash IS NOT NULL' })
  @Column({ type: 'bytea', nullable: true })
  idNumberHash: Buffer | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  facts: ApplicantFacts;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  /** Name and ID number were matched with the population registry (or came from the identity provider). */
  @Column({ type: 'boolean', default: false })
  realNameVerified: boolean;

  /**
   * Set when a counter clerk reserved the account for a walk-in applicant: it has no usable password
   * until the person registers (or signs in through the provider) with the same ID number.
   */
  @Column({ type: 'timestamptz', nullable: true })
  reservedAt: Date | null;

  /**
   * Access tokens carry the version they were issued under; a change of password, roles, department or
   * disabling raises it, which ends every session issued before.
   */
  @Column({ type: 'integer', default: 1 })
  sessionVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
