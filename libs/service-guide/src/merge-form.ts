/**
 * 一表申请: the one form of a bundle, merged from its items' forms, and the split of one filled form back
 * into each item's own form. A field asked for by several items (same name after the bundle's field
 * mapping, same meaning) appears once. "Same meaning" is decided from the schemas: the same type,
 * format, pattern and choices; numeric and length bounds are intersected, so a value the merged form
 * accepts is accepted by every item that asks for it. Anything else is a conflict, refused when the
 * bundle is saved.
 */

import type { FieldProblem } from './guide-fields.js';

export type JsonSchema = Record<string, unknown>;

export interface BundleItemForm {
  code: string;
  name: string;
  formSchema: JsonSchema;
}

/** Per item code: item field → bundle field. Unmapped fields keep their name. */
export type FieldMapping = Record<string, Record<string, string>>;

export interface FieldConflict {
  field: string;
  /** The two items whose fields cannot be one. */
  items: [string, string];
  /** The item fields behind `field`, in the order of `items`. */
  itemFields: [string, string];
  reason: string;
}

export interface MergedForm {
  formSchema: JsonSchema;
  /** bundle field → the items that ask for it, in bundle order. */
  fieldOwners: Record<string, string[]>;
  /** bundle field → [{ item, field }]: where each item takes it from. */
  sources: Record<string, { item: string; field: string }[]>;
}

export type MergeResult = ({ ok: true } & MergedForm) | { ok: false; conflicts: FieldConflict[]; mappingErrors: FieldProblem[] };

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Keywords merged by intersection; all others must be equal where both schemas have them. */
const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems'] as const;
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems'] as const;
/** Words for people, not for validation: the first item's wording wins. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', '$comment', 'default']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${stable(value[key])}`).join(',')}}`;
  return JSON.stringify(value);
}

const sameSet = (a: unknown[], b: unknown[]) => {
  const left = new Set(a.map(stable));
  const right = new Set(b.map(stable));
  return left.size === right.size && [...left].every((value) => right.has(value));
};

function properties(schema: JsonSchema): Record<string, JsonSchema> {
  return isRecord(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
}

function requiredOf(schema: JsonSchema): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.filter((f): f is string => typeof f === 'string') : []);
}

/** Does `value` satisfy the keywords merging may have tightened (bounds, pattern, enum, const, type)? */
export function satisfies(value: unknown, schema: JsonSchema): boolean {
  const type = schema.type;
  if (type === 'integer' && !(typeof value === 'number' && Number.isInteger(value))) return false;
  if (type === 'number' && typeof value !== 'number') return false;
  if (type === 'string' && typeof value !== 'string') return false;
  if (type === 'boolean' && typeof value !== 'boolean') return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => stable(option) === stable(value))) return false;
  if ('const' in schema && stable(schema.const) !== stable(value)) return false;
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
    if (typeof schema.maximum === 'number' && value > schema.maximum) return false;
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) return false;
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) return false;
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) return false;
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) return false;
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) return false;
  }
  return true;
}

/** Two item fields as one bundle field, or why they cannot be one. */
export function mergeProperty(first: JsonSchema, second: JsonSchema): { schema: JsonSchema } | { reason: string } {
  if (stable(first.type) !== stable(second.type)) return { reason: `types differ (${stable(first.type)} / ${stable(second.type)})` };
  if (stable(first.format) !== stable(second.format)) return { reason: `formats differ (${String(first.format ?? 'none')} / ${String(second.format ?? 'none')})` };
  const merged: JsonSchema = { ...first };
  if (Array.isArray(first.enum) || Array.isArray(second.enum)) {
    if (!Array.isArray(first.enum) || !Array.isArray(second.enum) || !sameSet(first.enum, second.enum)) {
      return { reason: 'the choices (enum) differ: the items mean different things by this field' };
    }
  }
  if (typeof first.pattern === 'string' && typeof second.pattern === 'string' && first.pattern !== second.pattern) {
    return { reason: `patterns differ (${first.pattern} / ${second.pattern})` };
  }
  for (const key of LOWER) {
    const values = [first[key], second[key]].filter((v): v is number => typeof v === 'number');
    if (values.length > 0) merged[key] = Math.max(...values);
  }
  for (const key of UPPER) {
    const values = [first[key], second[key]].filter((v): v is number => typeof v === 'number');
    if (values.length > 0) merged[key] = Math.min(...values);
  }
  const handled = new Set<string>(['type', 'format', 'enum', ...LOWER, ...UPPER, 'pattern']);
  for (const key of new Set([...Object.keys(first), ...Object.keys(second)])) {
    if (handled.has(key) || ANNOTATIONS.has(key)) continue;
    if (key in first && key in second && stable(first[key]) !== stable(second[key])) return { reason: `"${key}" differs` };
    if (!(key in first)) merged[key] = second[key];
  }
  if (typeof second.pattern === 'string') merged.pattern = second.pattern;
  if (typeof first.pattern === 'string') merged.pattern = first.pattern;
  const low = Math.max(...[merged.minimum, merged.exclusiveMinimum].filter((v): v is number => typeof v === 'number'), -Infinity);
  const high = Math.min(...[merged.maximum, merged.exclusiveMaximum].filter((v): v is number => typeof v === 'number'), Infinity);
  if (low > high || (low === high && (merged.exclusiveMinimum === low || merged.exclusiveMaximum === high))) return { reason: 'the allowed ranges do not overlap' };
  if (typeof merged.minLength === 'number' && typeof merged.maxLength === 'number' && merged.minLength > merged.maxLength) {
    return { reason: 'the allowed lengths do not overlap' };
  }
  const candidates = [first.examples, second.examples].flatMap((e) => (Array.isArray(e) ? e : []));
  const examples = candidates.filter((example) => satisfies(example, merged));
  if (candidates.length > 0) {
    if (examples.length === 0) return { reason: 'no example of either item fits both fields' };
    merged.examples = [...new Map(examples.map((e) => [stable(e), e])).values()];
  }
  return { schema: merged };
}

/** Checks a mapping against the bundle's items: known items, fields their forms have, legal names. */
export function mappingErrors(items: readonly BundleItemForm[], mapping: FieldMapping, path = 'fieldMapping'): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const byCode = new Map(items.map((item) => [item.code, item]));
  for (const [code, fields] of Object.entries(mapping)) {
    const item = byCode.get(code);
    if (!item) {
      errors.push({ path: `${path}.${code}`, message: `"${code}" is not an item of this bundle` });
      continue;
    }
    if (!isRecord(fields)) {
      errors.push({ path: `${path}.${code}`, message: 'must map item fields to bundle fields' });
      continue;
    }
    const own = properties(item.formSchema);
    for (const [field, target] of Object.entries(fields)) {
      if (!(field in own)) errors.push({ path: `${path}.${code}.${field}`, message: `"${item.name}" has no form field "${field}"` });
      if (typeof target !== 'string' || !FIELD_NAME.test(target)) errors.push({ path: `${path}.${code}.${field}`, message: 'the bundle field must be a letter followed by letters, digits or _' });
    }
    const targets = Object.entries(fields).map(([, target]) => target);
    const taken = new Set(Object.keys(own).filter((field) => !(field in fields)));
    targets.forEach((target, index) => {
      const field = Object.keys(fields)[index]!;
      if (targets.indexOf(target) !== index || (taken.has(target) && target !== field)) {
        errors.push({ path: `${path}.${code}.${field}`, message: `two fields of "${item.name}" would both fill "${target}"` });
      }
    });
  }
  return errors;
}

/** The bundle field an item field fills. */
export const bundleFieldOf = (mapping: FieldMapping, itemCode: string, field: string): string => mapping[itemCode]?.[field] ?? field;

/**
 * Merges the items' forms (in bundle order) into one JSON Schema 2020-12 object. Each conflict names the
 * bundle field, the two items and why; with any conflict nothing is merged.
 */
export function mergeBundleForm(title: string, items: readonly BundleItemForm[], mapping: FieldMapping = {}): MergeResult {
  const problems = mappingErrors(items, mapping);
  if (problems.length > 0) return { ok: false, conflicts: [], mappingErrors: problems };
  const merged: Record<string, JsonSchema> = {};
  const first: Record<string, { item: string; field: string }> = {};
  const sources: Record<string, { item: string; field: string }[]> = {};
  const required = new Set<string>();
  const conflicts: FieldConflict[] = [];
  for (const item of items) {
    const itemRequired = requiredOf(item.formSchema);
    for (const [field, schema] of Object.entries(properties(item.formSchema))) {
      const target = bundleFieldOf(mapping, item.code, field);
      const earlier = merged[target];
      if (earlier === undefined) {
        merged[target] = { ...schema };
        first[target] = { item: item.code, field };
      } else {
        const result = mergeProperty(earlier, schema);
        if ('reason' in result) {
          const owner = first[target]!;
          conflicts.push({ field: target, items: [owner.item, item.code], itemFields: [owner.field, field], reason: result.reason });
          continue;
        }
        merged[target] = result.schema;
      }
      (sources[target] ??= []).push({ item: item.code, field });
      if (itemRequired.has(field)) required.add(target);
    }
  }
  if (conflicts.length > 0) return { ok: false, conflicts, mappingErrors: [] };
  const fieldOwners = Object.fromEntries(Object.entries(sources).map(([field, from]) => [field, [...new Set(from.map((s) => s.item))]]));
  return {
    ok: true,
    formSchema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title,
      required: Object.keys(merged).filter((field) => required.has(field)),
      additionalProperties: false,
      properties: merged,
    },
    fieldOwners,
    sources,
  };
}

/**
 * One filled bundle form → each item's own form: every field the item asks for, under the item's name
 * for it, taken from the bundle field it maps to. Fields left empty stay absent (the item's own schema
 * then says whether that is allowed).
 */
export function splitBundleForm(form: Record<string, unknown>, items: readonly BundleItemForm[], mapping: FieldMapping = {}): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    items.map((item) => {
      const own: Record<string, unknown> = {};
      for (const field of Object.keys(properties(item.formSchema))) {
        const source = bundleFieldOf(mapping, item.code, field);
        if (Object.prototype.hasOwnProperty.call(form, source)) own[field] = form[source];
      }
      return [item.code, own];
    }),
  );
}

/** The number of fields a form asks for. */
export const fieldCount = (schema: JsonSchema): number => Object.keys(properties(schema)).length;
