import { createHash, createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** What the HISTORY_KEY derives the chain's HMAC keys for (see DerivedKeys). */
export const HISTORY_CHAIN_PURPOSE = 'history-chain';

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

/** A row as stored: its link, its hash, and the id of the key the hash is an HMAC under (null: unkeyed). */
export interface StoredEntry extends ChainEntry {
  prevHash: string;
  hash: string;
  hashKeyId: string | null;
}

/** The HMAC keys of the chain by key id (a DerivedKeys of HISTORY_KEY and its predecessors). */
export interface ChainKeys {
  get(id: string): { key: Buffer } | undefined;
}

/** The sealed head of a case's unkeyed rows (CaseHistorySeal). */
export interface LegacySeal {
  seq: number;
  head: string;
  keyId: string;
  mac: string;
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

/** A row written before history was keyed: SHA-256, which anyone can recompute. */
export function unkeyedEntryHash(prevHash: string, entry: ChainEntry): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

/** A row now: HMAC-SHA-256 under the chain key, which only holders of HISTORY_KEY can compute. */
export function keyedEntryHash(key: Buffer, prevHash: string, entry: ChainEntry): string {
  return createHmac('sha256', key).update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

/** The seal of a case's unkeyed history at its head (`legacy-seal` keeps it apart from any row's HMAC). */
export function legacySealMac(key: Buffer, caseId: string, seq: number, head: string): string {
  return createHmac('sha256', key).update(`legacy-seal\n${caseId}\n${seq}\n${head}`).digest('hex');
}

/** Why a chain does not verify; `brokenAt` is the seq of the first row at fault (or the first one missing). */
export type ChainBreak =
  | 'seq_gap' // a row missing, doubled or out of order
  | 'link_broken' // a row's prevHash is not its predecessor's hash
  | 'row_changed' // a row's content does not give its hash
  | 'unknown_key' // a row names a HISTORY_KEY this process does not have
  | 'unsealed_unkeyed_row' // an unkeyed row beyond what was sealed when history became keyed
  | 'seal_invalid' // the seal of the unkeyed rows is not HISTORY_KEY's
  | 'rows_missing' // rows that a seal, the case row or a signed checkpoint vouches for are gone
  | 'head_mismatch'; // the case row names a head the rows do not end with

export type ChainCheck = { valid: true } | { valid: false; brokenAt: number; reason: ChainBreak };

export interface ChainExpectations {
  keys: ChainKeys;
  /** The hash the case row holds for its newest row. */
  head?: string;
  seal?: LegacySeal | null;
  /** The case's newest head in a signed checkpoint: the rows must still reach it. */
  checkpoint?: { seq: number; hash: string } | null;
}

/**
 * Walks a case's rows in order; answers the first seq whose row or link does not match. Keyed rows are
 * checked with the key they name; unkeyed rows only up to the sealed head. The case row's head and the
 * latest signed checkpoint catch rows removed from the end, which a chain alone cannot show.
 */
export function verifyChain(caseId: string, rows: readonly StoredEntry[], expect: ChainExpectations): ChainCheck {
  const broken = (brokenAt: number, reason: ChainBreak): ChainCheck => ({ valid: false, brokenAt, reason });
  const { seal, checkpoint } = expect;
  if (seal) {
    const key = expect.keys.get(seal.keyId);
    if (!key || legacySealMac(key.key, caseId, seal.seq, seal.head) !== seal.mac) return broken(1, 'seal_invalid');
  }
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    const { prevHash, hash, hashKeyId, ...entry } = row;
    if (row.seq !== expectedSeq) return broken(Math.min(row.seq, expectedSeq), 'seq_gap');
    if (prevHash !== prev) return broken(row.seq, 'link_broken');
    let expected: string;
    if (hashKeyId === null) {
      if (!seal || row.seq > seal.seq) return broken(row.seq, 'unsealed_unkeyed_row');
      expected = unkeyedEntryHash(prev, entry);
    } else {
      const key = expect.keys.get(hashKeyId);
      if (!key) return broken(row.seq, 'unknown_key');
      expected = keyedEntryHash(key.key, prev, entry);
    }
    if (expected !== hash || (row.seq === seal?.seq && hash !== seal.head)) return broken(row.seq, 'row_changed');
    if (row.seq === checkpoint?.seq && hash !== checkpoint.hash) return broken(row.seq, 'row_changed');
    prev = hash;
    expectedSeq += 1;
  }
  const last = expectedSeq - 1;
  if ((seal && last < seal.seq) || (checkpoint && last < checkpoint.seq)) return broken(expectedSeq, 'rows_missing');
  if (expect.head !== undefined && expect.head !== prev) return broken(expectedSeq, 'head_mismatch');
  return { valid: true };
}
