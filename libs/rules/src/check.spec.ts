import { describe, expect, it } from 'vitest';
import { type CheckOptions, checkRule } from './check.js';
import { declarationsFromJsonSchema, personDeclarations, personType } from './declarations.js';
import type { Declarations } from './rule-type.js';

const caseDeclarations: Declarations = {
  applicant: { object: { creditLevel: 'string' } },
  form: declarationsFromJsonSchema({
    type: 'object',
    properties: {
      floorArea: { type: 'number' },
      openedOn: { type: 'string', format: 'date' },
      items: { type: 'array', items: { type: 'object', properties: { qty: { type: 'integer' } } } },
    },
  }),
};

function errorOf(expression: string, options: CheckOptions = {}) {
  const result = checkRule(expression, personDeclarations, options);
  if (result.ok) throw new Error(`expected ${expression} to be rejected`);
  expect(result.errors).toHaveLength(1);
  return result.errors[0];
}

describe('checkRule', () => {
  it.each([
    ["person.age >= 80 && person.hukouDistrict == '南关区'", personDeclarations],
    ["applicant.creditLevel in ['A','B'] && form.floorArea <= 200.0", caseDeclarations],
    ["form.openedOn < timestamp('2025-01-01T00:00:00+08:00')", caseDeclarations],
    ['form.items.exists(i, i.qty > 1)', caseDeclarations],
  ])('accepts %s as a bool rule', (expression, declarations) => {
    expect(checkRule(expression, declarations, { expect: 'bool' })).toEqual({ ok: true, type: 'bool' });
  });

  it('reports the type of what a rule yields, records and lists included', () => {
    expect(checkRule('person.age + 1', personDeclarations)).toEqual({ ok: true, type: 'int' });
    expect(checkRule('person.birthDate', personDeclarations)).toEqual({ ok: true, type: 'timestamp' });
    expect(checkRule('person', personDeclarations)).toEqual({ ok: true, type: personType });
    expect(checkRule('[person.name]', personDeclarations)).toEqual({ ok: true, type: { list: 'string' } });
  });

  it('locates a parse error', () => {
    expect(errorOf('person.age >= ')).toEqual({
      code: 'unexpected_token',
      message: 'Unexpected token: EOF',
      start: 14,
      end: 14,
      line: 1,
      column: 15,
    });
    expect(errorOf("person.name == 'unterminated")).toMatchObject({ code: 'unterminated_string', start: 15, end: 28 });
  });

  it('locates an unknown field by its name', () => {
    expect(errorOf('person.foo > 1')).toEqual({
      code: 'no_such_key',
      message: 'No such key: foo',
      start: 7,
      end: 10,
      line: 1,
      column: 8,
    });
  });

  it('locates an unknown variable', () => {
    expect(errorOf('1 < age')).toMatchObject({
      code: 'unknown_variable',
      message: 'Unknown variable: age',
      start: 4,
      end: 7,
    });
  });

  it('gives line and column on a later line', () => {
    const error = errorOf("person.age >= 80 &&\n  person.nope == 'x'");
    expect(error).toMatchObject({ start: 29, end: 33, line: 2, column: 10 });
  });

  it('rejects comparing a string with an int, over the whole comparison', () => {
    expect(errorOf("person.age == '80'")).toMatchObject({
      code: 'no_such_overload',
      message: 'no such overload: int == string',
      start: 0,
      end: 18,
    });
  });

  it('includes the parentheses of a group in the range of an error that starts with it', () => {
    const expression = "(person.age + 1) == 'x'";
    const error = errorOf(expression);
    expect(expression.slice(error.start, error.end)).toBe(expression);
  });

  it('rejects a rule of another type than expected', () => {
    const error = errorOf('person.age + 1', { expect: 'bool' });
    expect(error).toMatchObject({
      code: 'wrong_type',
      message: 'The rule yields int where bool is expected',
      start: 0,
      end: 14,
    });
  });

  it('rejects a rule whose type no declaration can produce', () => {
    expect(errorOf('1u')).toMatchObject({ code: 'unsupported_type', message: expect.stringContaining('uint') });
    expect(errorOf("{'a': 1}")).toMatchObject({ code: 'unsupported_type' });
  });

  it('rejects a timestamp literal that would fail at run time, at its position', () => {
    const expression = "person.birthDate < timestamp('1950-01-01')";
    expect(errorOf(expression)).toMatchObject({ code: 'invalid_timestamp', start: 19, end: expression.length });
  });

  it('rejects a rule of more than a thousand nodes, located where it overflows', () => {
    const expression = 'person.age > 1' + ' && person.age > 1'.repeat(250);
    expect(errorOf(expression)).toMatchObject({ code: 'limit_exceeded', message: 'Exceeded maxAstNodes (1000)' });
    expect(checkRule('person.age > 1' + ' && person.age > 1'.repeat(150), personDeclarations).ok).toBe(true);
  });

  it('never throws for bad input', () => {
    const bad = ['', '   ', ')))', '(((', 'person.', "'\\ud800'", '('.repeat(500) + '1' + ')'.repeat(500), 42 as never];
    for (const expression of bad) {
      const result = checkRule(expression, personDeclarations);
      expect(result.ok, String(expression)).toBe(false);
    }
  });
});
