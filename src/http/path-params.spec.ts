import { describe, expect, it } from 'vitest';
import { ProblemException } from './problem.js';
import { IntParamPipe, UuidParamPipe } from './path-params.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemException) return { status: error.getStatus(), code: error.code, errors: error.errors };
    throw error;
  }
  throw new Error('accepted');
};

describe('path parameters', () => {
  it('passes a UUID through and names the parameter of anything else', () => {
    const id = '2921c66b-85cc-49dc-ac6a-96ef41d1d547';
    expect(new UuidParamPipe().transform(id, { type: 'param', data: 'id' })).toBe(id);
    for (const bad of ['%', '', '2921c66b-85cc-49dc-ac6a-96ef41d1d54', `${id}x`]) {
      expect(refusal(() => new UuidParamPipe().transform(bad, { type: 'param', data: 'id' }))).toEqual({
        status: 400,
        code: 'request.bad_parameter',
        errors: [{ path: 'id', message: 'must be a UUID' }],
      });
    }
  });

  it('reads whole numbers only, within the safe range', () => {
    expect(new IntParamPipe().transform('12', { type: 'param', data: 'version' })).toBe(12);
    expect(new IntParamPipe().transform('-3', { type: 'param', data: 'version' })).toBe(-3);
    for (const bad of ['1.5', '1e3', ' 1', '', '9999999999999999', '0x10']) {
      expect(refusal(() => new IntParamPipe().transform(bad, { type: 'param', data: 'version' }))).toMatchObject({ code: 'request.bad_parameter', errors: [{ path: 'version' }] });
    }
  });
});
