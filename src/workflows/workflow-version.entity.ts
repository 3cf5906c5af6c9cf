import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const WORKFLOW_STATUSES = ['draft', 'published', 'superseded'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/**
 * One version of a workflow definition. Drafts may be published; a published version is immutable and
 * is superseded when a newer one is published. Cases keep the version they started on.
 */
@Entity({ name: 'workflow_version' })
@Index('workflow_version_one_published_idx', ['key'], { unique: true, where: `status = 'published'` })
export class WorkflowVersion {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  status: WorkflowStatus;

  /** The definition exactly as accepted (what POST accepts, GET returns). */
  @Column({ type: 'jsonb' })
  document: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  serviceItemCode: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  supersededAt: Date | null;
}
