import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only timeline of a case. Each row stores the hash of the previous one, so changing or
 * deleting a row breaks the chain (`GET /api/cases/:id/history/verify`). The hash is an HMAC under
 * HISTORY_KEY, which the database never holds: whoever can write the table cannot recompute it.
 */
@Entity({ name: 'case_history' })
@Index('case_history_case_seq_idx', ['caseId', 'seq'], { unique: true })
export class CaseHistory {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** Display name at the time (a person, or `system`), kept so the timeline survives account changes. */
  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ type: 'text', nullable: true })
  toStatus: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;

  /**
   * The version marker of `hash`: the id of the HISTORY_KEY whose HMAC it is, or null for a row written
   * before history was keyed (plain SHA-256; trusted only up to the case's seal, see CaseHistorySeal).
   */
  @Column({ type: 'text', nullable: true })
  hashKeyId: string | null;
}
