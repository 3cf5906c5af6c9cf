import { describe, expect, it } from 'vitest';
import { declarationsFromJsonSchema, enterpriseDeclarations, personDeclarations } from './declarations.js';
import { compileRule, evaluateRule } from './evaluate.js';
import { RuleCompileError, RuleEvaluationError } from './rule-error.js';
import type { Declarations, RuleValues } from './rule-type.js';

const elder: RuleValues = {
  person: { age: 81, hukouDistrict: '南关区', monthlyIncome: 1800, householdSize: 2, birthDate: new Date('1944-05-01') },
};

const caseDeclarations: Declarations = {
  applicant: { object: { creditLevel: 'string' } },
  form: declarationsFromJsonSchema({
    type: 'object',
    properties: {
      floorArea: { type: 'number' },
      openedOn: { type: 'string', format: 'date' },
      items: {
        type: 'array',
        items: { type: 'object', properties: { qty: { type: 'integer' }, name: { type: 'string' } } },
      },
    },
  }),
};

function failure(run: () => unknown): RuleEvaluationError {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleEvaluationError) return error;
    throw error;
  }
  throw new Error('expected the rule to fail');
}

describe('evaluateRule', () => {
  const elderlyRule = "person.age >= 80 && person.hukouDistrict == '南关区'";

  it('decides the typical person rule, with ints given as JS numbers', () => {
    expect(evaluateRule(elderlyRule, personDeclarations, elder)).toBe(true);
    expect(evaluateRule(elderlyRule, personDeclarations, { person: { age: 79, hukouDistrict: '南关区' } })).toBe(false);
    expect(evaluateRule(elderlyRule, personDeclarations, { person: { age: 81n, hukouDistrict: '朝阳区' } })).toBe(false);
  });

  it('decides the typical auto-approval rule over the form', () => {
    const rule = "applicant.creditLevel in ['A','B'] && form.floorArea <= 200.0";
    const values = (creditLevel: string, floorArea: number) => ({ applicant: { creditLevel }, form: { floorArea } });
    expect(evaluateRule(rule, caseDeclarations, values('A', 200))).toBe(true);
    expect(evaluateRule(rule, caseDeclarations, values('C', 80))).toBe(false);
    expect(evaluateRule(rule, caseDeclarations, values('B', 200.5))).toBe(false);
  });

  it('decides the typical enterprise rule', () => {
    const rule = 'enterprise.employees >= 10 && !enterprise.socialInsuranceArrears';
    const enterprise = (employees: number, socialInsuranceArrears: boolean) => ({
      enterprise: { employees, socialInsuranceArrears },
    });
    expect(evaluateRule(rule, enterpriseDeclarations, enterprise(10, false))).toBe(true);
    expect(evaluateRule(rule, enterpriseDeclarations, enterprise(10, true))).toBe(false);
    expect(evaluateRule(rule, enterpriseDeclarations, enterprise(9, false))).toBe(false);
  });

  it('reads form dates given as ISO strings, a date alone being midnight UTC', () => {
    const rule = "form.openedOn >= timestamp('2025-03-01T00:00:00Z')";
    expect(evaluateRule(rule, caseDeclarations, { form: { openedOn: '2025-03-01' } })).toBe(true);
    expect(evaluateRule(rule, caseDeclarations, { form: { openedOn: '2025-03-01T07:59:59+08:00' } })).toBe(false);
  });

  it('refuses a date-time without an offset rather than reading it in the server zone', () => {
    const rule = "form.openedOn >= timestamp('2025-03-01T00:00:00Z')";
    const error = failure(() => evaluateRule(rule, caseDeclarations, { form: { openedOn: '2025-03-01T08:00:00' } }));
    expect(error.code).toBe('field_type_mismatch');
  });

  it('runs macros over lists of records given as plain objects', () => {
    const rule = "form.items.exists(i, i.qty > 1 && i.name == 'chair')";
    const form = (qty: number) => ({ form: { items: [{ qty: 1, name: 'desk' }, { qty, name: 'chair' }] } });
    expect(evaluateRule(rule, caseDeclarations, form(2))).toBe(true);
    expect(evaluateRule(rule, caseDeclarations, form(1))).toBe(false);
  });

  it('gives results back as plain JS values', () => {
    expect(evaluateRule('person.age * 2', personDeclarations, elder)).toBe(162);
    expect(evaluateRule('[person.householdSize, 3]', personDeclarations, elder)).toEqual([2, 3]);
    expect(evaluateRule('person.birthDate', personDeclarations, elder)).toEqual(new Date('1944-05-01'));
    expect(evaluateRule('form.items', caseDeclarations, { form: { items: [{ qty: 4 }] } })).toEqual([{ qty: 4 }]);
  });

  it('fails on an int result beyond what a JS number holds exactly', () => {
    const values = { person: { age: 1 } };
    const error = failure(() => evaluateRule('person.age * 9007199254740993', personDeclarations, values));
    expect(error.code).toBe('int_out_of_range');
  });

  it('fails, located, on a missing fact', () => {
    const error = failure(() => evaluateRule(elderlyRule, personDeclarations, { person: { age: 81 } }));
    expect(error.error).toMatchObject({ code: 'no_such_key', start: 27, end: 40 });
    expect(failure(() => evaluateRule('person.age >= 80', personDeclarations, { person: { age: null } })).code).toBe(
      'field_type_mismatch',
    );
    expect(failure(() => evaluateRule(elderlyRule, personDeclarations, {})).code).toBe('unknown_variable');
  });

  it('lets && and || absorb a failure the other side decides, as CEL does', () => {
    expect(evaluateRule('person.age > 1 || true', personDeclarations, { person: {} })).toBe(true);
    expect(evaluateRule('false && person.age > 1', personDeclarations, { person: {} })).toBe(false);
  });

  it('fails on an int division by zero and on int64 overflow', () => {
    const values = { person: { age: 80, householdSize: 0 } };
    expect(failure(() => evaluateRule('person.age / person.householdSize > 1', personDeclarations, values)).code).toBe(
      'division_by_zero',
    );
    expect(failure(() => evaluateRule('person.age * 9223372036854775807 > 1', personDeclarations, values)).code).toBe(
      'numeric_overflow',
    );
  });

  it('divides ints toward zero', () => {
    expect(evaluateRule('-7 / 2', personDeclarations, {})).toBe(-3);
  });

  it('throws RuleCompileError with located errors for a rule that does not check', () => {
    expect(() => evaluateRule('person.foo', personDeclarations, elder)).toThrow(RuleCompileError);
    expect(() => compileRule('person.age >', personDeclarations)).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ code: 'unexpected_token', start: 12 })] }),
    );
  });
});

describe('compileRule', () => {
  it('compiles once and evaluates many subjects', () => {
    const rule = compileRule('person.age >= 80', personDeclarations, { expect: 'bool' });
    expect([60, 80, 95].map((age) => rule.evaluate({ person: { age } }))).toEqual([false, true, true]);
    expect(evaluateRule(rule, { person: { age: 80 } })).toBe(true);
    expect(rule.type).toBe('bool');
  });

  it('lists the facts a rule reads, in order of first use and once each', () => {
    const rule = compileRule(
      "person.age >= 80 && person.hukouDistrict == '南关区' || person.age > 100 && has(person.phone)",
      personDeclarations,
    );
    expect(rule.variablesUsed).toEqual(['person.age', 'person.hukouDistrict', 'person.phone']);
  });

  it('does not count the variable of a macro as a fact, even when it shadows a declared one', () => {
    const declarations: Declarations = { ...caseDeclarations, i: 'int' };
    const rule = compileRule('form.items.exists(i, i.qty > 1) && i > 0', declarations);
    expect(rule.variablesUsed).toEqual(['form.items', 'i']);
    expect(compileRule('cel.bind(x, form.floorArea, x > 1.0)', caseDeclarations).variablesUsed).toEqual([
      'form.floorArea',
    ]);
  });

  it('counts a whole record read as a fact', () => {
    expect(compileRule('form.items[0].qty > 1', caseDeclarations).variablesUsed).toEqual(['form.items']);
  });
});
