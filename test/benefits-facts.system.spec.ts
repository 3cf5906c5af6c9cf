import { compileRule, compileToSql, RuleEvaluationError } from '@app/rules';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ENTERPRISE_FACTS, PERSON_FACTS, ruleColumns, selectSubject, shownFacts, shownFactsSql, type SubjectFacts } from '../src/benefits/subject-facts.js';

/**
 * The registry facts a grant run computes in PostgreSQL and those a re-evaluation computes in JS must
 * agree — whether a rule selects a subject, and the facts an explanation shows — or the two paths
 * would grant different people. Random subjects (leap-day births, as-of dates around birthdays, missing
 * phones) through both, on the real database.
 */
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client(inject('databaseUrl'));
  await client.connect();
  // Same columns as the registry tables; the mappings only read the subject alias `s`.
  await client.query('CREATE TEMP TABLE person_facts (LIKE registry_person)');
  await client.query('CREATE TEMP TABLE enterprise_facts (LIKE registry_enterprise)');
  // The keys (a sealed ID number, a credit code) are no facts these rules read: left empty.
  await client.query('ALTER TABLE person_facts ALTER id_number_sealed DROP NOT NULL, ALTER id_number_hash DROP NOT NULL');
  await client.query('ALTER TABLE enterprise_facts ALTER uscc DROP NOT NULL');
});

afterAll(async () => {
  await client?.end();
});

const between = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from) / 86_400_000, max: Date.parse(to) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
// Registry dates are never after today, and runs are as of today: every date precedes the as-of date.
const day = between('1925-01-01', '2025-12-31');
// Dates that trip up year arithmetic: 29 February, the days around it, year ends.
const edgeDay = fc.constantFrom('1944-02-29', '1944-02-28', '1944-03-01', '1946-12-31', '1946-01-01', '2000-02-29', '2004-02-29');
const date = fc.oneof(day, edgeDay);
const asOf = fc.oneof(between('2026-01-01', '2030-12-31'), fc.constantFrom('2026-02-28', '2026-03-01', '2028-02-29', '2026-12-31', '2026-01-01'));

const person = fc.record({
  gender: fc.constantFrom('M', 'F'),
  birthDate: date,
  hukouDistrict: fc.constantFrom('南关区', '朝阳区', 'Nanguan'),
  disabilityLevel: fc.integer({ min: 0, max: 4 }),
  monthlyIncome: fc.integer({ min: 0, max: 2_000_000 }).map((cents) => cents / 100),
  householdSize: fc.integer({ min: 1, max: 8 }),
  phone: fc.option(fc.constantFrom('13904318826', '15500000000', '+86-431-8888'), { nil: null }),
});

const enterprise = fc.record({
  industry: fc.constantFrom('软件和信息技术服务业', '零售业'),
  employees: fc.integer({ min: 0, max: 800 }),
  registeredAt: date,
  layoffsLastYear: fc.integer({ min: 0, max: 20 }),
  socialInsuranceArrears: fc.boolean(),
});

const personRules = [
  "person.age >= 80 && person.hukouDistrict == '南关区'",
  'person.age < 18 || person.age >= 60',
  "person.birthDate < timestamp('1946-03-01T00:00:00Z')",
  "person.hukouDistrict == '南关区' && person.disabilityLevel >= 1 && (person.disabilityLevel <= 2 || person.monthlyIncome < 1000.0)",
  'person.monthlyIncome <= 2350.5 && person.householdSize * 700 > 2000',
  "person.phone.startsWith('139') || person.gender == 'F'",
  "person.disabilityLevel in [1, 2] ? person.monthlyIncome < 5000.0 : person.age - 60 >= 20",
];

const enterpriseRules = [
  'enterprise.employees >= 1 && enterprise.layoffsLastYear == 0 && !enterprise.socialInsuranceArrears',
  "enterprise.industry in ['软件和信息技术服务业', '研究和试验发展'] && enterprise.employees <= 500 && enterprise.yearsSinceRegistration >= 1",
  "enterprise.registeredAt >= timestamp('2020-01-01T00:00:00Z') || enterprise.layoffsLastYear * 20 <= enterprise.employees",
];

const table = (subject: SubjectFacts) => (subject === PERSON_FACTS ? 'person_facts' : 'enterprise_facts');

async function load(subject: SubjectFacts, rows: Array<Record<string, unknown>>): Promise<void> {
  await client.query(`TRUNCATE ${table(subject)}`);
  const columns = subject.table.columns;
  for (const [i, row] of rows.entries()) {
    const values = columns.map((c) => row[c.field] ?? (c.field === 'name' ? '名' : c.field === 'type' ? '有限责任公司' : null));
    await client.query(
      `INSERT INTO ${table(subject)} (id, ${columns.map((c) => c.column).join(', ')}, last_import_id, created_at, updated_at)
       VALUES (${i + 1}, ${columns.map((_, j) => `$${j + 1}`).join(', ')}, gen_random_uuid(), now(), now())`,
      values,
    );
  }
}

/** Per subject: the rule's answer (null: it failed) and the explanation's facts, from SQL and from JS. */
async function bothWays(subject: SubjectFacts, rule: string, date: string) {
  const compiled = compileToSql(rule, subject.declarations, { columns: ruleColumns(subject), params: { asOf: date }, firstPlaceholder: 2 });
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join('; '));
  const js = compileRule(rule, subject.declarations, { expect: 'bool' });
  const { rows } = await client.query(
    `SELECT ${selectSubject(subject)}, (${compiled.sql}) AS result, ${shownFactsSql(subject, js.variablesUsed, '$1')} AS facts, $1::date AS as_of
       FROM ${table(subject)} s ORDER BY s.id`,
    [date, ...compiled.params],
  );
  return rows.map(({ result, facts, as_of: _asOf, ...row }) => {
    const values = subject.values(row, date);
    let answer: boolean | null;
    try {
      answer = js.evaluate(values) as boolean;
    } catch (error) {
      if (!(error instanceof RuleEvaluationError)) throw error;
      answer = null;
    }
    return { sql: { result, facts }, js: { result: answer, facts: shownFacts(values, js.variablesUsed) } };
  });
}

describe('registry facts in SQL and in JS', () => {
  it('select the same persons and explain them with the same facts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 25 }), asOf, fc.constantFrom(...personRules), async (persons, date, rule) => {
        await load(PERSON_FACTS, persons);
        for (const { sql, js } of await bothWays(PERSON_FACTS, rule, date)) expect(sql).toEqual(js);
      }),
      { numRuns: 60 },
    );
  });

  it('select the same enterprises and explain them with the same facts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(enterprise, { minLength: 1, maxLength: 25 }), asOf, fc.constantFrom(...enterpriseRules), async (enterprises, date, rule) => {
        await load(ENTERPRISE_FACTS, enterprises);
        for (const { sql, js } of await bothWays(ENTERPRISE_FACTS, rule, date)) expect(sql).toEqual(js);
      }),
      { numRuns: 40 },
    );
  });
});
