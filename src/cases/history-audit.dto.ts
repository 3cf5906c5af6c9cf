import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChainBreak } from './history-chain.js';

const CHAIN_BREAKS: ChainBreak[] = ['seq_gap', 'link_broken', 'row_changed', 'unknown_key', 'unsealed_unkeyed_row', 'seal_invalid', 'rows_missing', 'head_mismatch'];
/** Why a case's history does not verify; `case_missing`: a case a checkpoint signed is gone. */
export type BrokenReason = ChainBreak | 'case_missing';

export class ChainVerificationView {
  @ApiProperty({ description: 'the rows are unchanged, linked, keyed with HISTORY_KEY (or sealed before it), and reach the head the case and the latest checkpoint name' })
  valid: boolean;

  @ApiPropertyOptional({ description: 'seq of the first row at fault, or of the first one missing' })
  brokenAt?: number;

  @ApiPropertyOptional({ enum: CHAIN_BREAKS })
  reason?: ChainBreak;
}

export class BrokenCaseView {
  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ description: 'seq of the first row at fault, or of the first one missing' })
  brokenAt: number;

  @ApiProperty({ enum: [...CHAIN_BREAKS, 'case_missing'] })
  reason: BrokenReason;
}

export class CheckpointStatusView {
  @ApiProperty({ description: 'the latest checkpoint: 1, 2, 3, …' })
  number: number;

  @ApiProperty()
  at: Date;

  @ApiProperty({ description: 'cases whose history head is under a signed checkpoint' })
  heads: number;

  @ApiProperty({ description: 'every checkpoint is signed by a known HISTORY_SIGNING_KEY, over its heads and its predecessor, numbered without gaps' })
  signatureValid: boolean;

  @ApiPropertyOptional({ description: 'the first checkpoint whose signature, heads, number or link to its predecessor does not verify' })
  firstInvalid?: number;

  @ApiProperty({ description: 'id of the key that signed the latest checkpoint' })
  keyId: string;

  @ApiProperty({ description: 'its Ed25519 public key (raw 32 bytes, base64): enough for an auditor to check the signatures' })
  publicKey: string;
}

export class HistoryAuditView {
  @ApiProperty({ description: 'every case verifies and every checkpoint signature is valid' })
  valid: boolean;

  @ApiProperty()
  checkedCases: number;

  @ApiProperty({ description: 'how many cases do not verify (brokenCases lists the first 1,000)' })
  brokenCount: number;

  @ApiProperty({ type: [BrokenCaseView] })
  brokenCases: BrokenCaseView[];

  @ApiProperty({ type: CheckpointStatusView, nullable: true, description: 'null until the first checkpoint' })
  checkpoint: CheckpointStatusView | null;
}

export class CheckpointTakenView {
  @ApiProperty()
  number: number;

  @ApiProperty()
  at: Date;

  @ApiProperty({ description: 'case heads signed: those that changed since the previous checkpoint' })
  heads: number;

  @ApiProperty({ description: 'cases whose history does not verify: their last signed head stays the one checked against' })
  refused: number;
}
