import { checkResidentId, checkUscc } from '@app/gov-ids';

export const SUBJECT_TYPES = ['person', 'enterprise'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** A person of the population registry (API.md, "Proactive benefits"). */
export interface PersonRecord {
  idNumber: string;
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  hukouDistrict: string;
  disabilityLevel: number;
  monthlyIncome: number;
  householdSize: number;
  phone: string | null;
}

/** An enterprise of the legal-entity registry. */
export interface EnterpriseRecord {
  uscc: string;
  name: string;
  type: string;
  industry: string;
  employees: number;
  registeredAt: string;
  layoffsLastYear: number;
  socialInsuranceArrears: boolean;
}

/**
 * A person line may say which ID number the person had before (`formerIdNumber`): a corrected birth
 * date or gender means a new 居民身份证 number, and the record (with its grants) must follow the person.
 */
export interface PersonLine {
  record: PersonRecord;
  formerIdNumber: string | null;
}

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

type Kind = 'text' | 'int' | 'decimal' | 'date' | 'bool' | 'gender';

interface FieldSpec {
  kind: Kind;
  required: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  pattern?: { regex: RegExp; message: string };
}

const text = (maxLength: number): FieldSpec => ({ kind: 'text', required: true, maxLength });

export const PERSON_FIELDS: Readonly<Record<string, FieldSpec>> = {
  idNumber: { kind: 'text', required: true },
  name: text(100),
  gender: { kind: 'gender', required: true },
  birthDate: { kind: 'date', required: true },
  hukouDistrict: text(50),
  disabilityLevel: { kind: 'int', required: true, min: 0, max: 4 },
  monthlyIncome: { kind: 'decimal', required: true, min: 0, max: 100_000_000 },
  householdSize: { kind: 'int', required: true, min: 1, max: 50 },
  phone: { kind: 'text', required: false, pattern: { regex: /^\+?[0-9][0-9-]{4,19}$/, message: 'a phone number is 5–20 digits, optionally with + and -' } },
  formerIdNumber: { kind: 'text', required: false },
};

export const ENTERPRISE_FIELDS: Readonly<Record<string, FieldSpec>> = {
  uscc: { kind: 'text', required: true },
  name: text(200),
  type: text(100),
  industry: text(100),
  employees: { kind: 'int', required: true, min: 0, max: 10_000_000 },
  registeredAt: { kind: 'date', required: true },
  layoffsLastYear: { kind: 'int', required: true, min: 0, max: 10_000_000 },
  socialInsuranceArrears: { kind: 'bool', required: true },
};

export const fieldsOf = (type: SubjectType) => (type === 'person' ? PERSON_FIELDS : ENTERPRISE_FIELDS);
export const requiredFieldsOf = (type: SubjectType) =>
  Object.entries(fieldsOf(type))
    .filter(([, spec]) => spec.required)
    .map(([name]) => name);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EARLIEST_DATE = '1900-01-01';

function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

type Read = { ok: true; value: unknown } | { ok: false; code: string; message: string };

const invalid = (message: string): Read => ({ ok: false, code: 'registry.invalid_value', message });
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Reads one value as its field's kind. CSV gives text; JSON Lines must give the JSON type itself. */
function readValue(raw: unknown, spec: FieldSpec, fromText: boolean, today: string): Read {
  switch (spec.kind) {
    case 'text':
    case 'gender': {
      if (typeof raw !== 'string') return invalid('must be a string');
      if (raw.trim() !== raw) return invalid('must not start or end with white space');
      if (raw === '') return invalid('must not be empty');
      // One line of text each; and PostgreSQL stores no U+0000 (one would fail the whole batch).
      if (CONTROL.test(raw)) return invalid('must not contain control characters');
      if (spec.kind === 'gender' && raw !== 'M' && raw !== 'F') return invalid('must be M or F');
      if (spec.maxLength !== undefined && [...raw].length > spec.maxLength) return invalid(`must be at most ${spec.maxLength} characters`);
      if (spec.pattern && !spec.pattern.regex.test(raw)) return invalid(spec.pattern.message);
      return { ok: true, value: raw };
    }
    case 'int':
    case 'decimal': {
      let value: number;
      if (fromText) {
        const form = spec.kind === 'int' ? /^-?\d{1,15}$/ : /^-?\d{1,15}(\.\d{1,2})?$/;
        if (typeof raw !== 'string' || !form.test(raw)) {
          return invalid(spec.kind === 'int' ? 'must be a whole number' : 'must be a number with at most 2 decimals');
        }
        value = Number(raw);
      } else {
        if (typeof raw !== 'number' || !Number.isFinite(raw)) return invalid('must be a number');
        if (spec.kind === 'int' && !Number.isInteger(raw)) return invalid('must be a whole number');
        if (spec.kind === 'decimal' && Math.round(raw * 100) / 100 !== raw) return invalid('must have at most 2 decimals');
        value = raw;
      }
      if (spec.min !== undefined && value < spec.min) return invalid(`must be at least ${spec.min}`);
      if (spec.max !== undefined && value > spec.max) return invalid(`must be at most ${spec.max}`);
      return { ok: true, value };
    }
    case 'date':
      if (typeof raw !== 'string' || !isCalendarDate(raw)) return invalid('must be a date YYYY-MM-DD');
      if (raw < EARLIEST_DATE || raw > today) return invalid(`must be between ${EARLIEST_DATE} and today`);
      return { ok: true, value: raw };
    case 'bool':
      if (!fromText) return typeof raw === 'boolean' ? { ok: true, value: raw } : invalid('must be true or false');
      if (raw === 'true' || raw === '1') return { ok: true, value: true };
      if (raw === 'false' || raw === '0') return { ok: true, value: false };
      return invalid('must be true or false');
  }
}

/** Reads every field of a line against its specs; every problem is listed, not only the first. */
function readFields(values: Record<string, unknown>, specs: Readonly<Record<string, FieldSpec>>, fromText: boolean, today: string) {
  const problems: FieldProblem[] = [];
  const read: Record<string, unknown> = {};
  for (const field of Object.keys(values)) {
    if (Object.hasOwn(specs, field)) continue;
    // The name is the client's, and is kept with the import's rejected lines: escaped, no control character reaches the database.
    const shown = JSON.stringify(field).slice(1, -1);
    problems.push({ field: shown, code: 'registry.unknown_field', message: `${shown} is not a registry field` });
  }
  for (const [field, spec] of Object.entries(specs)) {
    const raw = values[field];
    if (raw === undefined || raw === null) {
      if (spec.required) problems.push({ field, code: 'registry.required', message: `${field} is required` });
      continue;
    }
    const result = readValue(raw, spec, fromText, today);
    if (result.ok) read[field] = result.value;
    else problems.push({ field, code: result.code, message: `${field} ${result.message}` });
  }
  return { read, problems };
}

/**
 * Checks a person line: the fields, the 居民身份证 number (region, birth date, check character), and
 * that `gender` and `birthDate` say what the ID number says. `today` is the China date.
 */
export function validatePerson(values: Record<string, unknown>, fromText: boolean, today: string): Validation<PersonLine> {
  const { read, problems } = readFields(values, PERSON_FIELDS, fromText, today);
  for (const field of ['idNumber', 'formerIdNumber'] as const) {
    const idNumber = read[field];
    if (typeof idNumber !== 'string') continue;
    const id = checkResidentId(idNumber, { today });
    if (!id.ok) {
      problems.push({ field, code: id.code, message: `${field}: ${id.message}` });
      continue;
    }
    if (field === 'formerIdNumber') continue;
    if (read.gender !== undefined && read.gender !== id.gender) {
      problems.push({ field: 'gender', code: 'person.gender_mismatch', message: `gender ${String(read.gender)} disagrees with the ID number (${id.gender})` });
    }
    if (read.birthDate !== undefined && read.birthDate !== id.birthDate) {
      problems.push({ field: 'birthDate', code: 'person.birth_date_mismatch', message: `birthDate ${String(read.birthDate)} disagrees with the ID number (${id.birthDate})` });
    }
  }
  if (read.formerIdNumber !== undefined && read.formerIdNumber === read.idNumber) {
    problems.push({ field: 'formerIdNumber', code: 'registry.invalid_value', message: 'formerIdNumber must differ from idNumber' });
  }
  if (problems.length > 0) return { ok: false, problems };
  const { formerIdNumber, phone, ...rest } = read;
  return {
    ok: true,
    value: { record: { ...(rest as Omit<PersonRecord, 'phone'>), phone: (phone as string | undefined) ?? null }, formerIdNumber: (formerIdNumber as string | undefined) ?? null },
  };
}

/** Checks an enterprise line: the fields and the 统一社会信用代码 (GB 32100-2015 check character). */
export function validateEnterprise(values: Record<string, unknown>, fromText: boolean, today: string): Validation<EnterpriseRecord> {
  const { read, problems } = readFields(values, ENTERPRISE_FIELDS, fromText, today);
  if (typeof read.uscc === 'string') {
    const uscc = checkUscc(read.uscc);
    if (!uscc.ok) problems.push({ field: 'uscc', code: uscc.code, message: `uscc: ${uscc.message}` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: read as unknown as EnterpriseRecord };
}
