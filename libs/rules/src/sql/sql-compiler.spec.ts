import { describe, expect, it } from 'vitest';
import { declarationsFromJsonSchema, enterpriseDeclarations, personDeclarations } from '../declarations.js';
import type { Declarations } from '../rule-type.js';
import type { SqlMapping } from './render.js';
import { compileToSql } from './sql-compiler.js';

const personColumns: SqlMapping = {
  columns: {
    'person.age': "date_part('year', age($asOf, p.birth_date))::int",
    'person.hukouDistrict': 'p.hukou_district',
    'person.monthlyIncome': 'p.monthly_income',
    'person.householdSize': 'p.household_size',
    'person.disabilityLevel': 'p.disability_level',
    'person.name': 'p.name',
    'person.birthDate': 'p.birth_at',
  },
  params: { asOf: '2025-06-30' },
};

const declarations: Declarations = {
  ...personDeclarations,
  form: declarationsFromJsonSchema({
    type: 'object',
    properties: {
      tags: { type: 'array', items: { type: 'string' } },
      address: { type: 'object', properties: { district: { type: 'string' } } },
    },
  }),
};

function sqlOf(expression: string, mapping: SqlMapping = personColumns) {
  const result = compileToSql(expression, declarations, mapping);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('; '));
  return { sql: result.sql, params: result.params };
}

function refusalOf(expression: string) {
  const result = compileToSql(expression, declarations, personColumns);
  if (result.ok) throw new Error(`expected ${expression} to be refused, got ${result.sql}`);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors;
  return { ...error, source: expression.slice(error.start, error.end) };
}

describe('compileToSql', () => {
  it('compiles the typical person rule to parameterised SQL', () => {
    expect(sqlOf("person.age >= 80 && person.hukouDistrict == '南关区'")).toEqual({
      sql:
        "(((date_part('year', age($1, p.birth_date))::int) >= $2::bigint) AND " +
        '((p.hukou_district) COLLATE "C" = $3::text))',
      params: ['2025-06-30', 80, '南关区'],
    });
  });

  it('compiles the typical enterprise rule', () => {
    const rule = 'enterprise.employees >= 10 && !enterprise.socialInsuranceArrears';
    const columns = { 'enterprise.employees': 'e.employees', 'enterprise.socialInsuranceArrears': 'e.arrears' };
    expect(compileToSql(rule, enterpriseDeclarations, { columns })).toMatchObject({
      ok: true,
      sql: '(((e.employees) >= $1::bigint) AND (NOT (e.arrears)))',
      params: [10],
    });
  });

  it('numbers placeholders from the given first one and gives a named parameter one placeholder', () => {
    const mapping = { ...personColumns, firstPlaceholder: 4 };
    expect(sqlOf('person.age > 60 || person.age < 6', mapping)).toEqual({
      sql:
        "(((date_part('year', age($4, p.birth_date))::int) > $5::bigint) OR " +
        "((date_part('year', age($4, p.birth_date))::int) < $6::bigint))",
      params: ['2025-06-30', 60, 6],
    });
  });

  it('never puts a literal into the SQL text', () => {
    const hostile = "x'); DELETE FROM person; --";
    const { sql, params } = sqlOf(`person.name == "${hostile}" || person.name.startsWith('a%_\\\\')`);
    expect(sql).not.toContain('DELETE');
    expect(sql).not.toContain('%');
    expect(params).toEqual([hostile, 'a%_\\']);
  });

  it('compares strings byte for byte, whatever the column collation', () => {
    expect(sqlOf("person.name.startsWith('王')").sql).toBe('starts_with((p.name) COLLATE "C", $1::text)');
    expect(sqlOf("person.name in ['王', '李']").sql).toBe('((p.name) COLLATE "C" IN ($1::text, $2::text))');
  });

  it('gives an empty list NULL for a missing fact, where `x = ANY(empty)` would say FALSE', () => {
    expect(sqlOf('person.age in []').sql).toBe("NULLIF((date_part('year', age($1, p.birth_date))::int) IS NULL, TRUE)");
  });

  it('computes ints in numeric and maps results outside int64 to NULL', () => {
    expect(sqlOf('person.householdSize * 2 > 4').sql).toBe(
      '(NULLIF(NULLIF(LEAST(GREATEST(((p.household_size)::numeric * $1::bigint), -9223372036854775809), ' +
        '9223372036854775808), -9223372036854775809), 9223372036854775808) > $2::bigint)',
    );
  });

  it('divides ints toward zero with a zero divisor giving NULL', () => {
    expect(sqlOf('person.disabilityLevel / person.householdSize >= 1').sql).toBe(
      '(div((p.disability_level)::numeric, NULLIF((p.household_size), 0)) >= $1::bigint)',
    );
  });

  it('negates ints in numeric, so that negating the smallest int64 cannot fail', () => {
    expect(sqlOf('-person.householdSize < 0').sql).toBe('((-(p.household_size)::numeric) < $1::bigint)');
  });

  it('computes doubles in float8 and divides them by non-zero literals', () => {
    expect(sqlOf('person.monthlyIncome / 3.0 - 1.5 < 1000.0')).toEqual({
      sql: '((((p.monthly_income)::float8 / $1::float8) - $2::float8) < $3::float8)',
      params: [3, 1.5, 1000],
    });
  });

  it('restates an int compared with a double literal as an int comparison', () => {
    expect(sqlOf('person.householdSize >= 2.5')).toEqual({ sql: '((p.household_size) >= $1::bigint)', params: [3] });
    expect(sqlOf('person.householdSize <= 2.5')).toEqual({ sql: '((p.household_size) <= $1::bigint)', params: [2] });
    expect(sqlOf('2.5 < person.householdSize')).toEqual({ sql: '((p.household_size) > $1::bigint)', params: [2] });
  });

  it('restates a double compared with an int literal as a double comparison', () => {
    expect(sqlOf('person.monthlyIncome < 2000')).toEqual({
      sql: '((p.monthly_income)::float8 < $1::float8)',
      params: [2000],
    });
  });

  it('passes an int beyond JS numbers as a decimal string, and beyond int64 as numeric', () => {
    expect(sqlOf('person.householdSize < 9007199254740993').params).toEqual(['9007199254740993']);
    expect(sqlOf('person.householdSize < 9223372036854775808').sql).toBe('((p.household_size) < $1::numeric)');
  });

  it('passes timestamp literals as the instant cel-js reads', () => {
    expect(sqlOf("person.birthDate < timestamp('1945-01-01T00:00:00+08:00')")).toEqual({
      sql: '((p.birth_at) < $1::timestamptz)',
      params: ['1944-12-31T16:00:00.000Z'],
    });
  });

  it('turns a ternary into a CASE on the condition, so a NULL condition takes neither branch', () => {
    expect(sqlOf("(person.householdSize > 2 ? person.hukouDistrict : 'none') == '南关区'").sql).toBe(
      '((CASE ((p.household_size) > $1::bigint) WHEN TRUE THEN (p.hukou_district) WHEN FALSE THEN $2::text END) ' +
        'COLLATE "C" = $3::text)',
    );
  });

  it('refuses column SQL with numbered placeholders or undefined named ones: they are programming errors', () => {
    const numbered = { columns: { 'person.age': 'age($1, p.birth_date)' } };
    expect(() => compileToSql('person.age > 1', personDeclarations, numbered)).toThrow(/numbered placeholder/);
    const undefinedParam = { columns: { 'person.age': 'age($asOf, p.birth_date)' } };
    expect(() => compileToSql('person.age > 1', personDeclarations, undefinedParam)).toThrow(/\$asOf/);
  });

  it('passes on the errors of a rule that does not check, or is not a bool rule', () => {
    expect(compileToSql("person.age == '1'", declarations, personColumns)).toMatchObject({
      ok: false,
      errors: [{ code: 'no_such_overload' }],
    });
    expect(compileToSql('person.age + 1', declarations, personColumns)).toMatchObject({
      ok: false,
      errors: [{ code: 'wrong_type' }],
    });
  });
});

describe('compileToSql refusals', () => {
  it.each<[string, string, string?]>([
    ['size(person.name) > 3', 'sql_unsupported_function', 'size(person.name)'],
    ['[1, 2].exists(x, x > person.age)', 'sql_unsupported_function'],
    ["person.name.endsWith('x')", 'sql_unsupported_function'],
    ['dyn(person.age) > 1', 'sql_unsupported_function', 'dyn(person.age)'],
    ['person.birthDate < timestamp(person.name)', 'sql_unsupported_function', 'timestamp(person.name)'],
    ["person.birthDate + duration('1h') < person.birthDate", 'sql_unsupported_function', "duration('1h')"],
    ['person.age % 2 == 0', 'sql_unsupported_operator', 'person.age % 2'],
    ["person.name + 'x' == 'y'", 'sql_unsupported_operator', "person.name + 'x'"],
    ["'a' in form.tags", 'sql_unsupported_operator'],
    ["person.name in {'a': 1}", 'sql_unsupported_operator'],
    ["person.name < 'b'", 'sql_string_ordering'],
    // The range includes the parentheses that cel-js leaves out of it.
    ["(person.age > 1 ? person.name : 'x') >= 'y'", 'sql_string_ordering'],
    ['person.age < person.monthlyIncome', 'sql_mixed_numeric_comparison'],
    ['9007199254740993 > person.monthlyIncome', 'sql_mixed_numeric_comparison'],
    ['person.monthlyIncome / 0.0 > 1.0', 'sql_double_division', 'person.monthlyIncome / 0.0'],
    ['person.monthlyIncome / -0.0 > 1.0', 'sql_double_division', 'person.monthlyIncome / -0.0'],
    ['1.0 / person.monthlyIncome > 1.0', 'sql_double_division', '1.0 / person.monthlyIncome'],
    ["person.phone == '1'", 'sql_unmapped_variable', 'person.phone'],
    ["form.address.district == '南关区'", 'sql_unmapped_variable', 'form.address.district'],
    ["'a' in [person.name]", 'sql_unsupported_value', 'person.name'],
    ["person.name == '\\x00'", 'sql_unsupported_value', "'\\x00'"],
    ["form.tags[0] == 'a'", 'sql_unsupported_value', 'form.tags[0]'],
    ["{'a': person.age}['a'] > 1", 'sql_unsupported_value', "{'a': person.age}['a']"],
  ])('refuses %s', (expression, code, source = expression) => {
    const refusal = refusalOf(expression);
    expect(refusal).toMatchObject({ code, source });
    expect(refusal.message.startsWith(`\`${source}\`: `)).toBe(true);
  });

  it.each([
    ['null == null', 'null'],
    ["b'x' == b'x'", 'a bytes literal'],
    ['1u == 1u', 'an unsigned int literal'],
  ])('refuses the literals of %s', (expression, what) => {
    const result = compileToSql(expression, declarations, personColumns);
    const refusal = { code: 'sql_unsupported_value', message: expect.stringContaining(`: ${what} is not translated`) };
    expect(result).toMatchObject({ ok: false, errors: [refusal, refusal] });
  });

  it('refuses a list or record field compared as a whole', () => {
    const result = compileToSql("form.tags == ['a']", declarations, personColumns);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { code: 'sql_unsupported_value', start: 0, end: 9, message: expect.stringContaining('list<string>') },
        { code: 'sql_unsupported_value', start: 13, end: 18 },
      ],
    });
  });

  it('reports every part it cannot translate, each where it is', () => {
    const expression = "person.age > 1 &&\n  (person.name < 'b' || size(person.name) > 1)";
    const result = compileToSql(expression, declarations, personColumns);
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { code: 'sql_string_ordering', start: 21, end: 38, line: 2, column: 4 },
        { code: 'sql_unsupported_function', start: 42, end: 59, line: 2, column: 25 },
      ],
    });
  });
});
