import { describe, expect, it } from 'vitest';
import { readYaml } from './read-yaml.js';

describe('readYaml', () => {
  it('reads plain data, JSON included', () => {
    expect(readYaml('a: [1, "2", { b: null }]\nc: true')).toEqual({ ok: true, value: { a: [1, '2', { b: null }], c: true } });
    expect(readYaml('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('finds a repeated key in any map, where toJS would silently keep the last', () => {
    expect(readYaml('a: 1\nb: { x: 1, y: 2, x: 3 }')).toEqual({
      ok: false,
      errors: [{ path: '$', code: 'definition.syntax', message: 'Map keys must be unique: "x" again at line 2, column 18' }],
    });
    expect(readYaml('- 1: a\n  "1": b')).toMatchObject({ ok: false, errors: [{ code: 'definition.syntax' }] });
  });

  it('reads a map of 16,000 keys in a moment (the package\'s own duplicate check compared every pair: seconds)', { timeout: 60_000 }, () => {
    const text = Array.from({ length: 16_000 }, (_, i) => `k${i}: v`).join('\n');
    let fastest = Infinity;
    for (let run = 0; run < 2; run++) {
      const started = performance.now();
      expect(readYaml(text).ok).toBe(true);
      fastest = Math.min(fastest, performance.now() - started);
    }
    // Some 0.3 s on an idle machine; the pairwise check alone took 5 s and more.
    expect(fastest).toBeLessThan(4_000);
  });
});
