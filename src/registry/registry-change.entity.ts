import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RegistryImport } from './registry-import.entity.js';
import type { SubjectType } from './registry-records.js';

/** `{ field: { old, new } }` for each field an update changed. */
export type FieldChanges = Record<string, { old: unknown; new: unknown }>;

/**
 * What an import changed in the registry, per subject: append-only. A created record has no field
 * changes (its first values are the record's, or the `old` side of its first update).
 */
@Entity({ name: 'registry_change' })
@Index('registry_change_subject_idx', ['subjectType', 'subjectId', 'id'])
export class RegistryChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @ManyToOne(() => RegistryImport, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'import_id' })
  import?: RegistryImport;

  @Index('registry_change_import_idx')
  @Column({ type: 'uuid' })
  importId: string;

  @Column({ type: 'text' })
  subjectType: SubjectType;

  @Column({ type: 'bigint' })
  subjectId: string;

  @Column({ type: 'text' })
  kind: 'created' | 'updated';

  @Column({ type: 'jsonb', nullable: true })
  changes: FieldChanges | null;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;
}
