import type { EnterpriseRecord, PersonRecord, SubjectType } from './registry-records.js';

/** A registry field as stored: its column, the array type its values travel in, and how to read it back. */
export interface RegistryColumn {
  field: string;
  column: string;
  /** The element type of the array parameter an upsert passes the column in. */
  sqlType: string;
  /** How a SELECT reads it so that it compares equal (===) with a validated record's value. */
  read: string;
}

export interface RegistryTable {
  subjectType: SubjectType;
  table: string;
  /** The field the registry is keyed by: a person's ID number, an enterprise's credit code. */
  keyField: string;
  /** The fields besides the key, stored as they are; the key is stored as its KeyStorage says. */
  columns: readonly RegistryColumn[];
}

/**
 * How a registry stores the key its records are upserted by, and finds records by it. A credit code is
 * public and stored as it is; an ID number is sealed and found by its keyed hash (registry-keys.ts).
 */
export interface KeyStorage {
  /** The unique column a record is found (and upserted) by. */
  lookupColumn: string;
  lookupType: 'text' | 'bytea';
  /** Every value of the look-up column a key may be stored under, the current one first (older DATA_KEYs' while rotating). */
  lookups(key: string): Array<string | Buffer>;
  /** The columns that hold the key itself besides the look-up column (a sealed ID number), and their values for a key. */
  sealedColumns: readonly Pick<RegistryColumn, 'column' | 'sqlType'>[];
  sealedValues(key: string): unknown[];
  /** A key as the change log keeps it: the log is not encrypted, so an ID number is masked there. */
  logged(key: string): string;
}

/** A key stored as it is: look-ups compare the value itself. */
export const plainKey = (column: string): KeyStorage => ({
  lookupColumn: column,
  lookupType: 'text',
  lookups: (key) => [key],
  sealedColumns: [],
  sealedValues: () => [],
  logged: (key) => key,
});

const column = (field: string, column: string, sqlType: string, read = column): RegistryColumn => ({ field, column, sqlType, read });

export const PERSON_TABLE: RegistryTable = {
  subjectType: 'person',
  table: 'registry_person',
  keyField: 'idNumber',
  columns: [
    column('name', 'name', 'text'),
    column('gender', 'gender', 'text'),
    column('birthDate', 'birth_date', 'date', 'birth_date::text'),
    column('hukouDistrict', 'hukou_district', 'text'),
    column('disabilityLevel', 'disability_level', 'smallint'),
    column('monthlyIncome', 'monthly_income', 'numeric', 'monthly_income::float8'),
    column('householdSize', 'household_size', 'integer'),
    column('phone', 'phone', 'text'),
  ],
};

export const ENTERPRISE_TABLE: RegistryTable = {
  subjectType: 'enterprise',
  table: 'registry_enterprise',
  keyField: 'uscc',
  columns: [
    column('name', 'name', 'text'),
    column('type', 'type', 'text'),
    column('industry', 'industry', 'text'),
    column('employees', 'employees', 'integer'),
    column('registeredAt', 'registered_at', 'date', 'registered_at::text'),
    column('layoffsLastYear', 'layoffs_last_year', 'integer'),
    column('socialInsuranceArrears', 'social_insurance_arrears', 'boolean'),
  ],
};

export const registryTable = (type: SubjectType): RegistryTable => (type === 'person' ? PERSON_TABLE : ENTERPRISE_TABLE);

export type RegistryRecord = PersonRecord | EnterpriseRecord;

/** The columns of a SELECT that yields records as validated lines have them: `name AS "name"`, ... */
export function selectRecord(table: RegistryTable, alias: string): string {
  return table.columns.map((c) => `${c.read.replace(/^(\w+)/, `${alias}.$1`)} AS "${c.field}"`).join(', ');
}
