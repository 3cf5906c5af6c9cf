import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SubjectType } from './registry-records.js';

export type RegistryImportStatus = 'running' | 'completed' | 'failed';

/** A line the import refused, and why. `line` counts from 1; in CSV the header is line 1. */
export interface RejectedLine {
  line: number;
  code: string;
  message: string;
  /** Every problem of the line; `code` and `message` are the first one's. */
  errors: Array<{ field: string | null; code: string; message: string }>;
}

/** One import of registry records: where a change came from, with its counts and first rejections. */
@Entity({ name: 'registry_import' })
export class RegistryImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  subjectType: SubjectType;

  @Column({ type: 'text' })
  format: string;

  /** `api` for an upload, `generator` for `npm run seed:registry`. */
  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'uuid', nullable: true })
  startedBy: string | null;

  @Column({ type: 'text', default: 'running' })
  status: RegistryImportStatus;

  /** Counters advance with each committed batch, so a long import shows its progress. */
  @Column({ type: 'integer', default: 0 })
  lines: number;

  @Column({ type: 'integer', default: 0 })
  imported: number;

  @Column({ type: 'integer', default: 0 })
  updated: number;

  @Column({ type: 'integer', default: 0 })
  unchanged: number;

  @Column({ type: 'integer', default: 0 })
  rejectedCount: number;

  /** The first rejections only (see REJECTION_LIMIT): a bad million-line file must not make a huge row. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  rejected: RejectedLine[];

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
