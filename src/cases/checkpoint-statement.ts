import { createHash } from 'node:crypto';

/** A case's history head as a checkpoint signs it. */
export interface SignedHead {
  caseId: string;
  seq: number;
  hash: string;
}

/** What a checkpoint's signature covers. */
export interface CheckpointStatement {
  number: number;
  at: Date;
  previousSignature: string | null;
  heads: number;
  digest: string;
}

/**
 * SHA-256 over heads in case id order, one `caseId seq hash` line each, fed a page at a time so a
 * checkpoint of a million cases is never held whole. Pages must come in order (as SQL's ORDER BY
 * case_id gives them: lower-case UUIDs sort the same as text and as uuid).
 */
export class HeadsDigest {
  private readonly sha = createHash('sha256');
  private last = '';
  count = 0;

  add(heads: readonly SignedHead[]): this {
    for (const head of heads) {
      if (head.caseId <= this.last) throw new Error(`checkpoint heads out of case id order at ${head.caseId}`);
      this.sha.update(`${head.caseId} ${head.seq} ${head.hash}\n`);
      this.last = head.caseId;
      this.count += 1;
    }
    return this;
  }

  digest(): string {
    return this.sha.digest('hex');
  }
}

/** The text signed: every field on its own line, so no two statements read alike. */
export function checkpointText(statement: CheckpointStatement): string {
  return [
    'ywtb history checkpoint v1',
    `number ${statement.number}`,
    `at ${statement.at.toISOString()}`,
    `previous ${statement.previousSignature ?? '-'}`,
    `heads ${statement.heads}`,
    `digest ${statement.digest}`,
  ].join('\n');
}
