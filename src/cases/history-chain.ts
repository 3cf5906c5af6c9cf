import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEntry {
  caseId: string;
  seq: number;
  at: string;
  actorId: string | null;
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
  data: Record<string, unknown>;
}

/** JSON with sorted keys, so the same entry always hashes the same whatever order jsonb returns it in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(prevHash: string, entry: ChainEntry): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

/**
 * Walks a case's rows in order; answers the first seq whose row or link does not match. `head` is the
 * hash the case row holds for its newest entry, which catches rows removed from the end.
 */
export function verifyChain(
  rows: readonly (ChainEntry & { prevHash: string; hash: string })[],
  head?: string,
): { valid: true } | { valid: false; brokenAt: number } {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    const { prevHash, hash, ...entry } = row;
    if (row.seq !== expectedSeq || prevHash !== prev || entryHash(prev, entry) !== hash) return { valid: false, brokenAt: row.seq };
    prev = hash;
    expectedSeq += 1;
  }
  if (head !== undefined && head !== prev) return { valid: false, brokenAt: expectedSeq };
  return { valid: true };
}
