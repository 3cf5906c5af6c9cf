import { type Declarations, isObjectType, type RuleType } from './rule-type.js';

type RecordType = { readonly object: Readonly<Record<string, RuleType>> };

function record(fields: Record<string, RuleType>): RecordType {
  return Object.freeze({ object: Object.freeze(fields) });
}

/** A registry person as rules see it (API.md, "Proactive benefits"); `age` is whole years at the run's as-of date. */
export const personType = record({
  idNumber: 'string',
  name: 'string',
  gender: 'string',
  birthDate: 'timestamp',
  hukouDistrict: 'string',
  disabilityLevel: 'int',
  monthlyIncome: 'double',
  householdSize: 'int',
  phone: 'string',
  age: 'int',
});

/** A registry enterprise as rules see it; `yearsSinceRegistration` is whole years at the run's as-of date. */
export const enterpriseType = record({
  uscc: 'string',
  name: 'string',
  type: 'string',
  industry: 'string',
  employees: 'int',
  registeredAt: 'timestamp',
  layoffsLastYear: 'int',
  socialInsuranceArrears: 'bool',
  yearsSinceRegistration: 'int',
});

export const personDeclarations: Declarations = Object.freeze({ person: personType });
export const enterpriseDeclarations: Declarations = Object.freeze({ enterprise: enterpriseType });

/** The part of JSON Schema (2020-12) that says what shape a value has. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly [keyword: string]: unknown;
}

/**
 * The rule type of the values a form schema accepts, to declare `form` for a service item's auto rules.
 * A property whose shape has no rule type (no `type`, several non-null types, `$ref`, an array without
 * `items`) is left out, so a rule using it fails the type check instead of running on a guess.
 */
export function declarationsFromJsonSchema(schema: JsonSchema): RecordType {
  const type = ruleTypeOf(schema);
  if (type === undefined || !isObjectType(type)) {
    throw new Error('A form schema must describe an object (type: object)');
  }
  return type;
}

function ruleTypeOf(schema: JsonSchema): RuleType | undefined {
  switch (singleType(schema.type)) {
    case 'integer':
      return 'int';
    case 'number':
      return 'double';
    case 'boolean':
      return 'bool';
    case 'string':
      return schema.format === 'date' || schema.format === 'date-time' ? 'timestamp' : 'string';
    case 'array': {
      const items = schema.items && ruleTypeOf(schema.items);
      return items && { list: items };
    }
    case 'object': {
      const fields: Record<string, RuleType> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const type = ruleTypeOf(property);
        if (type !== undefined) fields[name] = type;
      }
      return record(fields);
    }
    default:
      return undefined;
  }
}

/** `["string", "null"]` is an optional string: a null value is a missing fact, as for any other field. */
function singleType(type: JsonSchema['type']): string | undefined {
  if (typeof type === 'string') return type;
  const nonNull = (type ?? []).filter((name) => name !== 'null');
  return nonNull.length === 1 ? nonNull[0] : undefined;
}
