/** The types a rule can see. They mirror CEL's `int`, `double`, `string`, `bool` and `timestamp`. */
export type ScalarRuleType = 'int' | 'double' | 'string' | 'bool' | 'timestamp';

export type RuleType =
  | ScalarRuleType
  | { readonly list: RuleType }
  | { readonly object: Readonly<Record<string, RuleType>> };

/** The variables a rule may use, by name: e.g. `{ person: personType, form: formType }`. */
export type Declarations = Readonly<Record<string, RuleType>>;

/**
 * A value handed to a rule. `int` facts may be JS numbers (they become BigInt for CEL), `timestamp`
 * facts Dates or ISO-8601 strings; `null` and `undefined` are missing facts, which make any use of
 * them an evaluation error.
 */
export type RuleValue =
  | boolean
  | number
  | bigint
  | string
  | Date
  | null
  | undefined
  | readonly RuleValue[]
  | { readonly [field: string]: RuleValue };

export type RuleValues = Readonly<Record<string, RuleValue>>;

/** What a rule evaluates to: `int` results come back as JS numbers. */
export type RuleResult = boolean | number | string | Date | RuleResult[] | { [field: string]: RuleResult };

const scalarTypes: ReadonlySet<string> = new Set(['int', 'double', 'string', 'bool', 'timestamp']);

export function isScalarType(type: RuleType): type is ScalarRuleType {
  return typeof type === 'string' && scalarTypes.has(type);
}

export function isListType(type: RuleType): type is { readonly list: RuleType } {
  return typeof type === 'object' && 'list' in type;
}

export function isObjectType(type: RuleType): type is { readonly object: Readonly<Record<string, RuleType>> } {
  return typeof type === 'object' && 'object' in type;
}

export function sameRuleType(a: RuleType, b: RuleType): boolean {
  if (isScalarType(a) || isScalarType(b)) return a === b;
  if (isListType(a)) return isListType(b) && sameRuleType(a.list, b.list);
  if (!isObjectType(b)) return false;
  const fields = Object.keys(a.object);
  return (
    fields.length === Object.keys(b.object).length &&
    fields.every((field) => field in b.object && sameRuleType(a.object[field], b.object[field]))
  );
}

export function describeRuleType(type: RuleType): string {
  if (isScalarType(type)) return type;
  if (isListType(type)) return `list<${describeRuleType(type.list)}>`;
  const fields = Object.entries(type.object).map(([name, field]) => `${name}: ${describeRuleType(field)}`);
  return `{ ${fields.join(', ')} }`;
}

/** The type of a dotted path such as `person.age`, or undefined when the declarations have no such path. */
export function typeAtPath(declarations: Declarations, path: string): RuleType | undefined {
  const [root, ...fields] = path.split('.');
  let type: RuleType | undefined = Object.hasOwn(declarations, root) ? declarations[root] : undefined;
  for (const field of fields) {
    if (type === undefined || !isObjectType(type) || !Object.hasOwn(type.object, field)) return undefined;
    type = type.object[field];
  }
  return type;
}
