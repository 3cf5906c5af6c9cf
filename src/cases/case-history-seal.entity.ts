import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The head of a case's unkeyed history (rows from before HISTORY_KEY), sealed once with an HMAC under
 * HISTORY_KEY by the migration that introduced keyed rows. Unkeyed rows count as genuine only up to the
 * sealed head: without the key nobody can seal a rewritten one, nor pass off new rows as old ones.
 */
@Entity({ name: 'case_history_seal' })
export class CaseHistorySeal {
  @PrimaryColumn({ type: 'uuid' })
  caseId: string;

  /** The last unkeyed row. */
  @Column({ type: 'integer' })
  seq: number;

  /** Its hash. */
  @Column({ type: 'text' })
  head: string;

  @Column({ type: 'text' })
  keyId: string;

  @Column({ type: 'text' })
  mac: string;
}
