import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, entryHash, verifyChain, type ChainEntry } from './history-chain.js';

function chain(count: number) {
  const rows = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const entry: ChainEntry = { caseId: 'c', seq, at: `2026-11-0${seq}T01:00:00.000Z`, actorId: null, actor: 'system', action: `a${seq}`, fromStatus: null, toStatus: 'x', comment: null, data: { n: seq } };
    const hash = entryHash(prev, entry);
    rows.push({ ...entry, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('history chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(4))).toEqual({ valid: true });
  });

  it('finds a changed comment, a removed row and a reordered row', () => {
    const edited = chain(4);
    edited[2] = { ...edited[2]!, comment: 'changed later' };
    expect(verifyChain(edited)).toEqual({ valid: false, brokenAt: 3 });

    const removed = chain(4);
    removed.splice(1, 1);
    expect(verifyChain(removed)).toEqual({ valid: false, brokenAt: 3 });

    const swapped = chain(3);
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    expect(verifyChain(swapped)).toEqual({ valid: false, brokenAt: 2 });
  });

  it('finds the newest rows removed, given the head hash', () => {
    const rows = chain(4);
    const head = rows[3]!.hash;
    expect(verifyChain(rows, head)).toEqual({ valid: true });
    expect(verifyChain(rows.slice(0, 3), head)).toEqual({ valid: false, brokenAt: 4 });
  });

  it('hashes independently of key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  });
});
