import { Environment } from '@marcbachmann/cel-js';
import {
  type Declarations,
  isListType,
  isObjectType,
  isScalarType,
  type RuleType,
  type RuleValue,
  type RuleValues,
} from './rule-type.js';

/** Our declarations as cel-js sees them: the environment to check and run rules in, and how values cross over. */
export interface CelBinding {
  readonly environment: Environment;
  /** The caller's facts in the shapes cel-js checks at run time (BigInt ints, Dates, typed records). */
  toCel(values: RuleValues): Record<string, unknown>;
  /** Our type for a type cel-js reports; undefined for CEL types no declaration produces (uint, map, duration…). */
  ruleType(celTypeName: string): RuleType | undefined;
}

const timestampTypeName = 'google.protobuf.Timestamp';

const bindings = new WeakMap<Declarations, CelBinding>();

/** Building an environment costs more than checking a rule, and declarations are usually long-lived constants. */
export function celBinding(declarations: Declarations): CelBinding {
  let binding = bindings.get(declarations);
  if (!binding) {
    binding = bind(declarations);
    bindings.set(declarations, binding);
  }
  return binding;
}

type RecordClass = new () => Record<string, unknown>;

/**
 * Real rules have tens of nodes; the cap keeps checking, evaluating and translating a hostile rule
 * short, and deep enough below the stack limit for the recursive walks over its tree.
 */
const maxRuleNodes = 1000;

function bind(declarations: Declarations): CelBinding {
  const environment = new Environment({ limits: { maxAstNodes: maxRuleNodes } });
  // cel-js takes a record inside a list only as an instance of the class registered for its type, so every
  // object type gets a class, found by the path that declared it, and toCel builds instances of it.
  const recordClasses = new Map<string, RecordClass>();
  const objectTypes = new Map<string, RuleType>();

  function celTypeName(type: RuleType, path: string): string {
    if (isScalarType(type)) return type === 'timestamp' ? timestampTypeName : type;
    if (isListType(type)) return `list<${celTypeName(type.list, path)}>`;
    const fields = Object.fromEntries(
      Object.entries(type.object).map(([field, fieldType]) => [field, celTypeName(fieldType, `${path}.${field}`)]),
    );
    // The `$` keeps type names apart from variable names, as cel-js does for its own schemas.
    const name = `$${path}`;
    const recordClass = { [name]: class {} }[name] as RecordClass;
    environment.registerType(name, { ctor: recordClass, fields });
    recordClasses.set(path, recordClass);
    objectTypes.set(name, type);
    return name;
  }

  for (const [name, type] of Object.entries(declarations)) {
    environment.registerVariable(name, celTypeName(type, name));
  }

  function toCelValue(type: RuleType, value: RuleValue, path: string): unknown {
    if (value === null || value === undefined) return value;
    if (type === 'int') return typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : value;
    if (type === 'timestamp') return typeof value === 'string' ? (parseIsoTimestamp(value) ?? value) : value;
    if (isListType(type)) return Array.isArray(value) ? value.map((item) => toCelValue(type.list, item, path)) : value;
    if (isObjectType(type) && isPlainRecord(value)) {
      const RecordClass = recordClasses.get(path) as RecordClass;
      const record = new RecordClass();
      for (const [field, fieldType] of Object.entries(type.object)) {
        // Absent fields stay absent: using one is then an evaluation error, as CEL wants.
        if (Object.hasOwn(value, field)) record[field] = toCelValue(fieldType, value[field], `${path}.${field}`);
      }
      return record;
    }
    // Anything else goes through untouched so that cel-js reports the mismatch with the field's name.
    return value;
  }

  function ruleType(celType: string): RuleType | undefined {
    if (celType === timestampTypeName) return 'timestamp';
    if (celType === 'int' || celType === 'double' || celType === 'string' || celType === 'bool') return celType;
    const list = /^list<(.+)>$/.exec(celType);
    if (list) {
      const element = ruleType(list[1]);
      return element && { list: element };
    }
    return objectTypes.get(celType);
  }

  return {
    environment,
    toCel: (values) =>
      Object.fromEntries(
        Object.entries(declarations)
          .filter(([name]) => Object.hasOwn(values, name))
          .map(([name, type]) => [name, toCelValue(type, values[name], name)]),
      ),
    ruleType,
  };
}

function isPlainRecord(value: RuleValue): value is { readonly [field: string]: RuleValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

// An offset is required on date-times: without one, JS would read the time in the server's zone.
const isoTimestamp = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A date alone is midnight UTC, as in JSON Schema's `format: date` read by `new Date`. */
function parseIsoTimestamp(text: string): Date | undefined {
  if (!isoTimestamp.test(text)) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
