import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { RegistryImport } from './registry-import.entity.js';

/** An enterprise of the legal-entity registry, upserted by 统一社会信用代码. */
@Entity({ name: 'registry_enterprise' })
@Check('registry_enterprise_employees_check', 'employees >= 0')
@Check('registry_enterprise_layoffs_check', 'layoffs_last_year >= 0')
export class RegistryEnterprise {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Index('registry_enterprise_uscc_key', { unique: true })
  @Column({ type: 'text' })
  uscc: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  industry: string;

  @Column({ type: 'integer' })
  employees: number;

  @Column({ type: 'date' })
  registeredAt: string;

  @Column({ type: 'integer' })
  layoffsLastYear: number;

  @Column({ type: 'boolean' })
  socialInsuranceArrears: boolean;

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
