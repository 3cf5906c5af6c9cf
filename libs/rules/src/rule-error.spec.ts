import { describe, expect, it } from 'vitest';
import { ruleError } from './rule-error.js';

const located = (expression: string, start: number, end: number) => {
  const error = ruleError(expression, 'code', 'message', start, end);
  return expression.slice(error.start, error.end);
};

describe('ruleError', () => {
  it('gives 1-based line and column of the start', () => {
    expect(ruleError('a &&\n\n  b', 'code', 'message', 8, 9)).toEqual({
      code: 'code',
      message: 'message',
      start: 8,
      end: 9,
      line: 3,
      column: 3,
    });
  });

  it('widens a range over the parentheses of the groups it cuts', () => {
    expect(located('x || ((a + b)) == c', 7, 19)).toBe('((a + b)) == c');
    expect(located('a == (b ) || c', 0, 7)).toBe('a == (b )');
  });

  it('does not count parentheses inside string literals', () => {
    for (const expression of ["(f + ')') == 'x'", '(f + "\\")") == \'x\'']) {
      expect(located(expression, 1, expression.length)).toBe(expression);
    }
  });

  it('keeps offsets within the expression', () => {
    expect(ruleError('abc', 'code', 'message', -3, 99)).toMatchObject({ start: 0, end: 3, column: 1 });
  });
});
