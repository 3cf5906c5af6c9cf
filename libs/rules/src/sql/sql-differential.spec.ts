import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enterpriseDeclarations, personDeclarations } from '../declarations.js';
import { compileRule } from '../evaluate.js';
import { RuleEvaluationError } from '../rule-error.js';
import type { Declarations, RuleValue, ScalarRuleType } from '../rule-type.js';
import { compileToSql } from './sql-compiler.js';
import { interpretSql, type SqlRow, type SqlValue } from './testing/postgres-interpreter.js';

/**
 * The JS evaluator and the compiled SQL must give every subject the same answer: true, false, or
 * failure (a CEL error in JS, NULL in SQL). Rules are drawn from the whole SQL subset, subjects from
 * small domains so that equalities and prefixes hit, with missing facts and ints near the int64 edge.
 */

type Field = { path: string; type: ScalarRuleType; values: fc.Arbitrary<SqlValue> };

const int64Edge = [2n ** 62n, 2n ** 63n - 1n, -(2n ** 63n)];

const ints = (min: number, max: number) =>
  fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min, max }).map(BigInt) },
    { weight: 1, arbitrary: fc.constantFrom(...int64Edge) },
  );
const doubles = fc.oneof(
  fc.constantFrom(0, 0.5, 1500, 2000.25, 2999.99, 1e6),
  fc.integer({ min: -100_000_000, max: 100_000_000 }).map((cents) => cents / 100),
);
const strings = fc.constantFrom('', '南关区', '南关', '朝阳区', 'a%_\\', 'A', 'a', 'M', 'F', '22010219');
const instants = ['1940-02-29T00:00:00Z', '1990-06-15T00:00:00Z', '2000-01-01T00:00:00Z', '2020-03-01T08:30:00Z'];
const timestamps = fc.constantFrom(...instants.map((iso) => new Date(iso)));

const person: Field[] = [
  { path: 'person.age', type: 'int', values: ints(0, 120) },
  { path: 'person.disabilityLevel', type: 'int', values: ints(0, 4) },
  { path: 'person.householdSize', type: 'int', values: ints(0, 8) },
  { path: 'person.monthlyIncome', type: 'double', values: doubles },
  { path: 'person.hukouDistrict', type: 'string', values: strings },
  { path: 'person.gender', type: 'string', values: strings },
  { path: 'person.idNumber', type: 'string', values: strings },
  { path: 'person.birthDate', type: 'timestamp', values: timestamps },
];

const enterprise: Field[] = [
  { path: 'enterprise.employees', type: 'int', values: ints(0, 500) },
  { path: 'enterprise.layoffsLastYear', type: 'int', values: ints(0, 50) },
  { path: 'enterprise.yearsSinceRegistration', type: 'int', values: ints(0, 40) },
  { path: 'enterprise.industry', type: 'string', values: strings },
  { path: 'enterprise.socialInsuranceArrears', type: 'bool', values: fc.boolean() },
  { path: 'enterprise.registeredAt', type: 'timestamp', values: timestamps },
];

function celLiteral(type: ScalarRuleType, value: SqlValue): string {
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(1) : String(value);
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (value instanceof Date) return `timestamp('${value.toISOString()}')`;
  return String(value ?? type);
}

const literalValues: Record<ScalarRuleType, fc.Arbitrary<SqlValue>> = {
  int: ints(-5, 120),
  double: doubles,
  string: strings,
  bool: fc.boolean(),
  timestamp: timestamps,
};

/** CEL source of random rules over `fields`, typed by construction; every one lies inside the SQL subset. */
function ruleGrammar(fields: Field[]) {
  const memo = new Map<string, fc.Arbitrary<string>>();
  const literal = (type: ScalarRuleType) => literalValues[type].map((value) => celLiteral(type, value));
  // Ints that a double holds exactly: the only ones the compiler compares with a double.
  const exactlyDouble = fc
    .oneof(fc.integer({ min: -5, max: 120 }).map(BigInt), fc.constantFrom(2n ** 62n, -(2n ** 63n)))
    .map(String);
  const nonZeroDouble = doubles.filter((value) => value !== 0).map((value) => celLiteral('double', value));

  function leaf(type: ScalarRuleType): fc.Arbitrary<string> {
    const columns = fields.filter((field) => field.type === type).map((field) => fc.constant(field.path));
    return fc.oneof(literal(type), ...columns);
  }

  function expr(type: ScalarRuleType, depth: number): fc.Arbitrary<string> {
    const key = `${type}:${depth}`;
    let arbitrary = memo.get(key);
    if (!arbitrary) {
      arbitrary =
        depth === 0 ? leaf(type) : fc.oneof({ weight: 2, arbitrary: leaf(type) }, ...compound(type, depth - 1));
      memo.set(key, arbitrary);
    }
    return arbitrary;
  }

  const binary = (left: fc.Arbitrary<string>, operators: string[], right: fc.Arbitrary<string>) =>
    fc.tuple(left, fc.constantFrom(...operators), right).map(([l, op, r]) => `(${l} ${op} ${r})`);
  const ternary = (type: ScalarRuleType, depth: number) =>
    fc
      .tuple(expr('bool', depth), expr(type, depth), expr(type, depth))
      .map(([condition, then, otherwise]) => `(${condition} ? ${then} : ${otherwise})`);
  const comparisons = ['==', '!=', '<', '<=', '>', '>='];

  function compound(type: ScalarRuleType, depth: number): fc.Arbitrary<string>[] {
    switch (type) {
      case 'int':
        return [
          binary(expr('int', depth), ['+', '-', '*', '/'], expr('int', depth)),
          expr('int', depth).map((x) => `-${x}`),
          ternary('int', depth),
        ];
      case 'double':
        return [
          binary(expr('double', depth), ['+', '-', '*'], expr('double', depth)),
          binary(expr('double', depth), ['/'], nonZeroDouble),
          expr('double', depth).map((x) => `-${x}`),
          ternary('double', depth),
        ];
      case 'string':
      case 'timestamp':
        return [ternary(type, depth)];
      case 'bool': {
        const list = (element: ScalarRuleType) =>
          fc.array(literal(element), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`);
        const within = (element: ScalarRuleType) => binary(expr(element, depth), ['in'], list(element));
        return [
          binary(expr('int', depth), comparisons, expr('int', depth)),
          binary(expr('double', depth), comparisons, expr('double', depth)),
          binary(expr('int', depth), ['<', '<=', '>', '>='], literal('double')),
          binary(literal('double'), ['<', '<=', '>', '>='], expr('int', depth)),
          binary(expr('double', depth), ['<', '<=', '>', '>='], exactlyDouble),
          binary(expr('string', depth), ['==', '!='], expr('string', depth)),
          binary(expr('timestamp', depth), comparisons, expr('timestamp', depth)),
          binary(expr('bool', depth), ['==', '!=', '&&', '||', '&&', '||'], expr('bool', depth)),
          fc
            .tuple(expr('string', depth), expr('string', depth))
            .map(([text, prefix]) => `${text}.startsWith(${prefix})`),
          within('int'),
          within('string'),
          within('double'),
          within('timestamp'),
          expr('bool', depth).map((x) => `!${x}`),
          ternary('bool', depth),
        ];
      }
    }
  }

  return expr('bool', 3);
}

/** A subject: each fact present, null, or absent altogether; SQL sees NULL for the last two. */
function subjects(fields: Field[]) {
  const fact = (field: Field) =>
    fc.oneof(
      { weight: 8, arbitrary: field.values },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  return fc.record(Object.fromEntries(fields.map((field) => [field.path, fact(field)]))) as fc.Arbitrary<
    Record<string, SqlValue | undefined>
  >;
}

/** The values the JS evaluator gets: nested records; safe ints as JS numbers, to exercise the BigInt conversion. */
function jsValues(row: Record<string, SqlValue | undefined>): Record<string, RuleValue> {
  const values: Record<string, Record<string, RuleValue>> = {};
  for (const [path, value] of Object.entries(row)) {
    const [root, field] = path.split('.');
    values[root] ??= {};
    if (value === undefined) continue;
    values[root][field] = typeof value === 'bigint' && Number.isSafeInteger(Number(value)) ? Number(value) : value;
  }
  return values;
}

function jsAnswer(expression: string, declarations: Declarations, values: Record<string, RuleValue>): boolean | null {
  try {
    return compileRule(expression, declarations).evaluate(values) as boolean;
  } catch (error) {
    if (error instanceof RuleEvaluationError) return null;
    throw error;
  }
}

function differential(declarations: Declarations, fields: Field[], numRuns: number) {
  const columns = Object.fromEntries(fields.map((field) => [field.path, field.path.replace('.', '_')]));
  fc.assert(
    fc.property(ruleGrammar(fields), fc.array(subjects(fields), { minLength: 1, maxLength: 6 }), (rule, rows) => {
      const compiled = compileToSql(rule, declarations, { columns });
      if (!compiled.ok) throw new Error(`refused: ${compiled.errors.map((error) => error.message).join('; ')}`);
      for (const row of rows) {
        const sqlAnswer = interpretSql(compiled.expr, row as SqlRow);
        const subject = JSON.stringify(row, (_, value) => (typeof value === 'bigint' ? `${value}n` : value));
        expect(sqlAnswer, `${rule} for ${subject}`).toBe(jsAnswer(rule, declarations, jsValues(row)));
      }
    }),
    { numRuns },
  );
}

describe('compiled SQL against the JS evaluator', () => {
  it('answers like the JS evaluator for random person rules', () => {
    differential(personDeclarations, person, 400);
  });

  it('answers like the JS evaluator for random enterprise rules', () => {
    differential(enterpriseDeclarations, enterprise, 200);
  });
});
