import { randomBytes } from 'node:crypto';
import { DerivedKeys, keyIdOf } from '@app/field-crypto';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  HISTORY_CHAIN_PURPOSE,
  canonicalJson,
  keyedEntryHash,
  legacySealMac,
  unkeyedEntryHash,
  verifyChain,
  type ChainEntry,
  type LegacySeal,
  type StoredEntry,
} from './history-chain.js';

const historyKey = randomBytes(32);
const keys = new DerivedKeys({ current: historyKey, previous: [] }, HISTORY_CHAIN_PURPOSE);
const keyId = keyIdOf(historyKey);

const entry = (seq: number): ChainEntry => ({ caseId: 'c', seq, at: `2026-11-0${seq}T01:00:00.000Z`, actorId: null, actor: 'system', action: `a${seq}`, fromStatus: null, toStatus: 'x', comment: null, data: { n: seq } });

/** `unkeyed` rows first (as written before HISTORY_KEY), then keyed ones. */
function chain(count: number, unkeyed = 0, chainKeys = keys): StoredEntry[] {
  const rows: StoredEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const keyed = seq > unkeyed;
    const hash = keyed ? keyedEntryHash(chainKeys.current.key, prev, entry(seq)) : unkeyedEntryHash(prev, entry(seq));
    rows.push({ ...entry(seq), prevHash: prev, hash, hashKeyId: keyed ? chainKeys.current.id : null });
    prev = hash;
  }
  return rows;
}

/** What a database administrator can do without the key: change a row and recompute every hash from it on, unkeyed (SHA-256). */
function rewritten(rows: StoredEntry[], at: number, change: Partial<ChainEntry>): StoredEntry[] {
  const out = rows.map((row) => ({ ...row }));
  let prev = at === 1 ? GENESIS_HASH : out[at - 2]!.hash;
  for (const row of out.slice(at - 1)) {
    Object.assign(row, row.seq === at ? change : {});
    const { prevHash: _p, hash: _h, hashKeyId: _k, ...content } = row;
    row.prevHash = prev;
    row.hash = unkeyedEntryHash(prev, content);
    row.hashKeyId = null;
    prev = row.hash;
  }
  return out;
}

const sealOf = (rows: StoredEntry[], seq: number): LegacySeal => ({ seq, head: rows[seq - 1]!.hash, keyId, mac: legacySealMac(keys.current.key, 'c', seq, rows[seq - 1]!.hash) });
const head = (rows: StoredEntry[]) => rows.at(-1)!.hash;

describe('history chain', () => {
  it('verifies an untouched keyed chain', () => {
    const rows = chain(4);
    expect(rows.every((row) => row.hashKeyId === keyId)).toBe(true);
    expect(verifyChain('c', rows, { keys, head: head(rows) })).toEqual({ valid: true });
  });

  it('finds a changed comment, a removed row and a reordered row', () => {
    const edited = chain(4);
    edited[2] = { ...edited[2]!, comment: 'changed later' };
    expect(verifyChain('c', edited, { keys })).toEqual({ valid: false, brokenAt: 3, reason: 'row_changed' });

    const removed = chain(4);
    removed.splice(1, 1);
    expect(verifyChain('c', removed, { keys })).toMatchObject({ valid: false, brokenAt: 2, reason: 'seq_gap' });

    const swapped = chain(3);
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    expect(verifyChain('c', swapped, { keys })).toMatchObject({ valid: false, brokenAt: 1 });
  });

  it('finds a row rewritten with every hash recomputed without the key, even with the case head updated', () => {
    const forged = rewritten(chain(4), 2, { comment: '同意受理' });
    expect(verifyChain('c', forged, { keys, head: head(forged) })).toEqual({ valid: false, brokenAt: 2, reason: 'unsealed_unkeyed_row' });
    const relabelled = forged.map((row) => ({ ...row, hashKeyId: keyId }));
    expect(verifyChain('c', relabelled, { keys, head: head(relabelled) })).toEqual({ valid: false, brokenAt: 2, reason: 'row_changed' });
  });

  it('finds the newest rows removed, given the head hash or a signed checkpoint', () => {
    const rows = chain(4);
    expect(verifyChain('c', rows.slice(0, 3), { keys, head: head(rows) })).toEqual({ valid: false, brokenAt: 4, reason: 'head_mismatch' });
    // The case row fixed up too: only a head signed earlier still knows about row 4.
    const cut = rows.slice(0, 3);
    expect(verifyChain('c', cut, { keys, head: head(cut) })).toEqual({ valid: true });
    expect(verifyChain('c', cut, { keys, head: head(cut), checkpoint: { seq: 4, hash: rows[3]!.hash } })).toEqual({ valid: false, brokenAt: 4, reason: 'rows_missing' });
    expect(verifyChain('c', rows, { keys, head: head(rows), checkpoint: { seq: 3, hash: rows[2]!.hash } })).toEqual({ valid: true });
    expect(verifyChain('c', rows, { keys, head: head(rows), checkpoint: { seq: 3, hash: rows[1]!.hash } })).toEqual({ valid: false, brokenAt: 3, reason: 'row_changed' });
  });

  it('keeps rows from before HISTORY_KEY verifiable up to their seal, and no further', () => {
    const rows = chain(5, 3);
    const seal = sealOf(rows, 3);
    expect(verifyChain('c', rows, { keys, head: head(rows), seal })).toEqual({ valid: true });
    // Unsealed, or sealed for another case, or with a forged seal: the unkeyed rows count for nothing.
    expect(verifyChain('c', rows, { keys, head: head(rows) })).toEqual({ valid: false, brokenAt: 1, reason: 'unsealed_unkeyed_row' });
    expect(verifyChain('d', rows, { keys, head: head(rows), seal })).toEqual({ valid: false, brokenAt: 1, reason: 'seal_invalid' });
    expect(verifyChain('c', rows, { keys, seal: { ...seal, seq: 5, head: rows[4]!.hash } })).toMatchObject({ valid: false, reason: 'seal_invalid' });
    // An unkeyed row past the seal, or an old row rewritten (recomputed with SHA-256): both found.
    const downgraded = rewritten(rows, 4, { comment: 'later' });
    expect(verifyChain('c', downgraded, { keys, head: head(downgraded), seal })).toEqual({ valid: false, brokenAt: 4, reason: 'unsealed_unkeyed_row' });
    const oldRewritten = rewritten(rows, 2, { comment: 'changed' });
    expect(verifyChain('c', oldRewritten, { keys, head: head(oldRewritten), seal })).toEqual({ valid: false, brokenAt: 3, reason: 'row_changed' });
    // Sealed rows cut off (the whole case reduced to its first row).
    expect(verifyChain('c', rows.slice(0, 1), { keys, head: rows[0]!.hash, seal })).toEqual({ valid: false, brokenAt: 2, reason: 'rows_missing' });
  });

  it('verifies rows keyed with an older HISTORY_KEY while it is kept, and names one it lacks', () => {
    const older = new DerivedKeys({ current: randomBytes(32), previous: [] }, HISTORY_CHAIN_PURPOSE);
    const rows = chain(3, 0, older);
    expect(verifyChain('c', rows, { keys })).toEqual({ valid: false, brokenAt: 1, reason: 'unknown_key' });
    const rotated = new DerivedKeys({ current: historyKey, previous: [randomBytes(32)] }, HISTORY_CHAIN_PURPOSE);
    expect(verifyChain('c', rows, { keys: rotated })).toMatchObject({ valid: false, reason: 'unknown_key' });
    const keeping = { get: (id: string) => older.get(id) ?? keys.get(id) };
    expect(verifyChain('c', rows, { keys: keeping })).toEqual({ valid: true });
  });

  it('hashes independently of key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  });
});
