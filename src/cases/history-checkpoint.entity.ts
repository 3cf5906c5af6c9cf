import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A signed statement of the case history heads that changed since the previous checkpoint: Ed25519
 * under HISTORY_SIGNING_KEY, over the heads' digest and the previous checkpoint's signature (so the
 * checkpoints form one chain). Anyone with the public key can check it; nobody without the private key
 * can make one, so history cut short or rolled back after a checkpoint shows.
 */
@Entity({ name: 'history_checkpoint' })
export class HistoryCheckpoint {
  /** 1, 2, 3, …: signed, so a checkpoint taken out of the middle shows. */
  @PrimaryColumn({ type: 'integer' })
  number: number;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** How many heads this checkpoint signs (those that changed since the previous one). */
  @Column({ type: 'integer' })
  heads: number;

  /** SHA-256 (hex) of the heads, one `caseId seq hash` line each, in case id order. */
  @Column({ type: 'text' })
  digest: string;

  @Column({ type: 'text', nullable: true })
  previousSignature: string | null;

  /** The id of the signing key (first 8 hex digits of the SHA-256 of its public key). */
  @Column({ type: 'text' })
  keyId: string;

  /** Ed25519, base64, of checkpointText(). */
  @Column({ type: 'text' })
  signature: string;
}

/** One case's history head as a checkpoint signed it. */
@Entity({ name: 'history_checkpoint_head' })
@Index('history_checkpoint_head_case_idx', ['caseId', 'seq'])
export class HistoryCheckpointHead {
  @PrimaryColumn({ type: 'integer' })
  checkpointNumber: number;

  @PrimaryColumn({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'text' })
  hash: string;
}
