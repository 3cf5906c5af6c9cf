import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { RegistryImport } from './registry-import.entity.js';

/**
 * A person of the population registry, upserted by 居民身份证 number. The id is a dense bigint so grant
 * runs can walk the registry in id ranges (keyset chunks). The number itself is never stored in the
 * clear (DESIGN.md "Data rules"): it is sealed with DATA_KEY, and found by its keyed hash.
 */
@Entity({ name: 'registry_person' })
@Check('registry_person_gender_check', `gender IN ('M', 'F')`)
@Check('registry_person_disability_level_check', 'disability_level BETWEEN 0 AND 4')
@Check('registry_person_monthly_income_check', 'monthly_income >= 0')
@Check('registry_person_household_size_check', 'household_size >= 1')
export class RegistryPerson {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  /** The ID number encrypted with AES-256-GCM under DATA_KEY (`v1.<key id>.…`, see @app/field-crypto); lists show it masked. */
  @Column({ type: 'text' })
  idNumberSealed: string;

  /** HMAC-SHA-256 of the ID number under a key derived from DATA_KEY: imports upsert by it, look-ups find by it. */
  @Index('registry_person_id_number_hash_key', { unique: true })
  @Column({ type: 'bytea' })
  idNumberHash: Buffer;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  gender: 'M' | 'F';

  @Column({ type: 'date' })
  birthDate: string;

  @Column({ type: 'text' })
  hukouDistrict: string;

  @Column({ type: 'smallint' })
  disabilityLevel: number;

  /** Yuan; numeric so that money is exact, read as float8 by rules (CEL double). */
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  monthlyIncome: string;

  @Column({ type: 'integer' })
  householdSize: number;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @ManyToOne(() => RegistryImport, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'last_import_id' })
  lastImport?: RegistryImport;

  @Column({ type: 'uuid' })
  lastImportId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
