import { describe, expect, it } from 'vitest';
import { checkpointText, HeadsDigest } from './checkpoint-statement.js';

const head = (caseId: string, seq = 1) => ({ caseId, seq, hash: 'ab'.repeat(32) });

describe('checkpoint statement', () => {
  it('digests heads page by page as it would all at once', () => {
    const heads = ['0a', '1b', '2c', 'ff'].map((c) => head(`${c}000000-0000-4000-8000-000000000000`));
    const whole = new HeadsDigest().add(heads);
    const paged = new HeadsDigest().add(heads.slice(0, 1)).add(heads.slice(1));
    expect(paged.digest()).toBe(whole.digest());
    expect(whole.count).toBe(4);
  });

  it('changes with any head, and with none', () => {
    const a = head('00000000-0000-4000-8000-000000000001');
    expect(new HeadsDigest().add([a]).digest()).not.toBe(new HeadsDigest().add([{ ...a, seq: 2 }]).digest());
    expect(new HeadsDigest().add([a]).digest()).not.toBe(new HeadsDigest().digest());
  });

  it('refuses heads out of case order, so two readers cannot digest one set differently', () => {
    expect(() => new HeadsDigest().add([head('b'), head('a')])).toThrow(/order/);
    expect(() => new HeadsDigest().add([head('a'), head('a')])).toThrow(/order/);
  });

  it('signs every field, the predecessor included', () => {
    const statement = { number: 2, at: new Date('2026-12-01T00:00:00Z'), previousSignature: 'c2ln', heads: 3, digest: 'd' };
    const text = checkpointText(statement);
    expect(text).toContain('number 2');
    expect(text).toContain('previous c2ln');
    expect(checkpointText({ ...statement, previousSignature: null })).toContain('previous -');
    for (const change of [{ number: 3 }, { at: new Date(0) }, { heads: 4 }, { digest: 'e' }]) expect(checkpointText({ ...statement, ...change })).not.toBe(text);
  });
});
