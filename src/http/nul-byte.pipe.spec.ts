import { describe, expect, it } from 'vitest';
import { NulBytePipe, nulFields } from './nul-byte.pipe.js';
import { ProblemException } from './problem.js';

describe('nulFields', () => {
  it('names every string and member name holding U+0000, in the paths validation errors use', () => {
    expect(nulFields({ displayName: 'a\u0000b', materials: [{ key: 'ok' }, { key: '\u0000' }], form: { 'x\u0000': 1 } })).toEqual([
      { path: 'displayName', message: expect.stringContaining('NUL') },
      { path: 'materials[1].key', message: expect.stringContaining('NUL') },
      { path: 'form', message: expect.stringContaining('member name') },
    ]);
    expect(nulFields({ text: 'no nul here', n: 0, list: [null, true] })).toEqual([]);
  });

  it('stops after twenty', () => {
    expect(nulFields(Array.from({ length: 1000 }, () => '\u0000'), 'ids')).toHaveLength(20);
  });
});

describe('NulBytePipe', () => {
  const pipe = new NulBytePipe();

  it('refuses a path parameter, a query field or a body with 400 request.nul_byte naming it', () => {
    for (const [value, metadata, path] of [
      ['\u0000', { type: 'param', data: 'code' }, 'code'],
      [{ cursor: 'a\u0000' }, { type: 'query' }, 'cursor'],
      [{ displayName: '\u0000' }, { type: 'body' }, 'displayName'],
      ['key: "\u0000"', { type: 'body' }, 'body'],
    ] as const) {
      let problem: unknown;
      try {
        pipe.transform(value, metadata);
      } catch (error) {
        problem = error;
      }
      expect(problem).toBeInstanceOf(ProblemException);
      expect(problem).toMatchObject({ code: 'request.nul_byte', errors: [{ path }] });
    }
  });

  it('passes everything else through untouched', () => {
    const body = { displayName: '张伟' };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
    expect(pipe.transform({ id: '\u0000' }, { type: 'custom' })).toEqual({ id: '\u0000' });
  });
});
