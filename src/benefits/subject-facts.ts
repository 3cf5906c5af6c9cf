import { maskResidentId, maskUscc } from '@app/gov-ids';
import { completedYears, enterpriseDeclarations, personDeclarations, type Declarations, type RuleValues } from '@app/rules';
import { maskPersonField } from '../registry/personal-fields.js';
import type { IdNumberCipher } from '../keys/id-number-cipher.js';
import { selectRecord, registryTable, type RegistryTable } from '../registry/registry-tables.js';
import type { SubjectType } from '../registry/registry-records.js';

/** A fact a rule may read: the SQL the compiler maps it to, and the SQL of its value in an explanation. */
interface FactSql {
  /** The value the JS evaluator gets (see SqlMapping in @app/rules), over the subject alias `s`. */
  rule: string;
  /** The value shown in an explanation, as the JS side writes it (dates as 'YYYY-MM-DD', money as a number). */
  shown: string;
}

/** Everything a grant run or a re-evaluation needs to know about one kind of subject. */
export interface SubjectFacts {
  subjectType: SubjectType;
  table: RegistryTable;
  /** The rule variable: `person` or `enterprise`. */
  variable: SubjectType;
  declarations: Declarations;
  facts: Readonly<Record<string, FactSql>>;
  /** The registry key as rules read it, when they may: a credit code; an ID number is sealed (its facts are gender, birth date, age). */
  readableKey: string | null;
  /** The registry key of the holder, to find their account: the ID number's keyed hash, or the credit code. */
  holderKey: string;
  /** Joins `app_user u` to a holder key `k`: persons by the ID number's keyed hash, enterprise accounts by `facts.uscc`. */
  accountJoin: (key: string) => string;
  /** The facts of one subject for the JS evaluator, from a row read with `selectRecord`. */
  values(row: Record<string, unknown>, asOf: string): RuleValues;
}

const utcMidnight = (date: string) => new Date(`${date}T00:00:00Z`);

// A date column as the instant the JS evaluator sees for 'YYYY-MM-DD': midnight UTC.
const dateInstant = (column: string) => `(s.${column}::timestamp AT TIME ZONE 'UTC')`;
// Whole years at the run's as-of date, as completedYears() computes them in JS.
const yearsSince = (column: string) => `date_part('year', age($asOf::date, s.${column}))::int`;

const plain = (column: string): FactSql => ({ rule: `s.${column}`, shown: `s.${column}` });

export const PERSON_FACTS: SubjectFacts = {
  subjectType: 'person',
  table: registryTable('person'),
  variable: 'person',
  declarations: personDeclarations,
  // No 'person.idNumber': the number is sealed, so a rule naming it does not translate to SQL and is refused.
  facts: {
    'person.name': plain('name'),
    'person.gender': plain('gender'),
    'person.birthDate': { rule: dateInstant('birth_date'), shown: 's.birth_date' },
    'person.hukouDistrict': plain('hukou_district'),
    'person.disabilityLevel': plain('disability_level'),
    'person.monthlyIncome': { rule: 's.monthly_income', shown: 's.monthly_income::float8' },
    'person.householdSize': plain('household_size'),
    'person.phone': plain('phone'),
    'person.age': { rule: yearsSince('birth_date'), shown: yearsSince('birth_date') },
  },
  readableKey: null,
  // Persons and accounts hash ID numbers under the same key, so a holder's account is found by hash.
  holderKey: 's.id_number_hash',
  // An enterprise account carries its legal representative's ID number: it is not that person's account.
  accountJoin: (key) => `u.id_number_hash = ${key} AND u.facts->>'kind' IS DISTINCT FROM 'enterprise'`,
  values(row, asOf) {
    const person = { ...row, age: completedYears(utcMidnight(row.birthDate as string), utcMidnight(asOf)) };
    return { person };
  },
};

export const ENTERPRISE_FACTS: SubjectFacts = {
  subjectType: 'enterprise',
  table: registryTable('enterprise'),
  variable: 'enterprise',
  declarations: enterpriseDeclarations,
  facts: {
    'enterprise.uscc': plain('uscc'),
    'enterprise.name': plain('name'),
    'enterprise.type': plain('type'),
    'enterprise.industry': plain('industry'),
    'enterprise.employees': plain('employees'),
    'enterprise.registeredAt': { rule: dateInstant('registered_at'), shown: 's.registered_at' },
    'enterprise.layoffsLastYear': plain('layoffs_last_year'),
    'enterprise.socialInsuranceArrears': plain('social_insurance_arrears'),
    'enterprise.yearsSinceRegistration': { rule: yearsSince('registered_at'), shown: yearsSince('registered_at') },
  },
  readableKey: 'uscc',
  holderKey: 's.uscc',
  accountJoin: (key) => `u.facts->>'uscc' = ${key} AND u.facts->>'kind' = 'enterprise'`,
  values(row, asOf) {
    const enterprise = { ...row, yearsSinceRegistration: completedYears(utcMidnight(row.registeredAt as string), utcMidnight(asOf)) };
    return { enterprise };
  },
};

export const subjectFacts = (type: SubjectType): SubjectFacts => (type === 'person' ? PERSON_FACTS : ENTERPRISE_FACTS);

/** The SQL mapping for compileToSql: every declared fact over the subject alias `s`. */
export function ruleColumns(subject: SubjectFacts): Record<string, string> {
  return Object.fromEntries(Object.entries(subject.facts).map(([path, sql]) => [path, sql.rule]));
}

/** The explanation's facts as one jsonb value, for the variables a rule uses; `$asOf` becomes `asOfPlaceholder`. */
export function shownFactsSql(subject: SubjectFacts, variablesUsed: readonly string[], asOfPlaceholder: string): string {
  const pairs = variablesUsed.map((path) => {
    const fact = subject.facts[path];
    if (!fact) throw new Error(`No SQL for the fact ${path}`);
    // Paths come from our own declarations (letters and dots), so they are safe as literals.
    return `'${path}', ${fact.shown.replaceAll('$asOf', asOfPlaceholder)}`;
  });
  return `jsonb_build_object(${pairs.join(', ')})`;
}

/** The explanation's facts from the JS values, the same shape the SQL side stores. */
export function shownFacts(values: RuleValues, variablesUsed: readonly string[]): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const path of variablesUsed) {
    const [root, field] = path.split('.');
    facts[path] = (values[root] as Record<string, unknown> | undefined)?.[field] ?? null;
  }
  return facts;
}

/** The SELECT list reading subjects as the JS evaluator wants them. */
export const selectSubject = (subject: SubjectFacts) =>
  `s.id::text AS id, ${selectRecord(subject.table, 's')}${subject.readableKey ? `, s.${subject.readableKey} AS "${subject.table.keyField}"` : ''}`;

/** A subject's key as staff see it: a person's sealed ID number opened and masked, a credit code masked. */
export function shownSubjectKey(idNumbers: IdNumberCipher, subjectType: SubjectType, storedKey: string): string {
  return subjectType === 'person' ? maskResidentId(idNumbers.open(storedKey)) : maskUscc(storedKey);
}

/** An explanation's facts as staff see them by default: a person's identifying facts masked (`person.name` …). */
export function maskedFacts(facts: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(facts).map(([path, value]) => {
      const [root, field] = path.split('.');
      return [path, root === PERSON_FACTS.variable ? maskPersonField(field, value) : value];
    }),
  );
}
