import type { TestSystem } from './system.js';

/**
 * The operations of the running program, read from its own OpenAPI document (`GET /api/docs-json`), so
 * the security suites cover a route the day it is added.
 */

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  nullable?: boolean;
  example?: unknown;
  examples?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Operation {
  /** `METHOD /api/path/{param}`: how the policy table and the fuzz report name an operation. */
  key: string;
  method: Method;
  path: string;
  parameters: Parameter[];
  /** Content types the body may have, each with its schema (`$ref`s resolved); empty without a body. */
  bodies: { contentType: string; schema: Schema }[];
}

interface Document {
  paths: Record<string, Partial<Record<Method, RawOperation>>>;
  components?: { schemas?: Record<string, Schema> };
}

interface RawOperation {
  parameters?: Array<Omit<Parameter, 'required'> & { required?: boolean }>;
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

export async function loadOperations(system: TestSystem): Promise<Operation[]> {
  const document = (await system.http().get('/api/docs-json').expect(200)).body as Document;
  const resolve = (schema: Schema | undefined): Schema => resolveRefs(schema ?? {}, document);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        parameters: (raw.parameters ?? []).map((p) => ({ ...p, required: p.required ?? p.in === 'path', schema: resolve(p.schema) })),
        bodies: Object.entries(raw.requestBody?.content ?? {}).map(([contentType, { schema }]) => ({ contentType, schema: resolve(schema) })),
      });
    }
  }
  return operations;
}

/** Inlines every `#/components/schemas/X` (our DTOs are not recursive). */
function resolveRefs(schema: Schema, document: Document): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`OpenAPI document: ${schema.$ref} is not defined`);
    return resolveRefs(target, document);
  }
  const out: Schema = { ...schema };
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolveRefs(v, document)]));
  if (schema.items) out.items = resolveRefs(schema.items, document);
  if (typeof schema.additionalProperties === 'object') out.additionalProperties = resolveRefs(schema.additionalProperties, document);
  return out;
}

export const pathParameters = (operation: Operation) => operation.parameters.filter((p) => p.in === 'path');
export const queryParameters = (operation: Operation) => operation.parameters.filter((p) => p.in === 'query');
export const isList = (operation: Operation) => operation.method === 'get' && queryParameters(operation).some((p) => p.name === 'cursor');

/** The URL of an operation with its path parameters filled in (encoded) and a query string. */
export function urlOf(operation: Operation, values: Record<string, string>, query: Record<string, string | string[]> = {}): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${operation.key}: no value for the path parameter ${name}`);
    return encodeURIComponent(wellFormed(value));
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const one of [value].flat()) search.append(name, one);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** A value the schema documents as an example (or its default, first enum value, or a plain value of its type). */
export function exampleOf(schema: Schema): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([name]) => schema.required?.includes(name)).map(([name, p]) => [name, exampleOf(p)]));
    case 'array':
      return schema.items ? [exampleOf(schema.items)] : [];
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return schema.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'x';
  }
}

/** Lone surrogates cannot be percent-encoded: they become U+FFFD, as a browser would send them. */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** The documented example of every required query parameter, as strings. */
export function requiredQuery(operation: Operation): Record<string, string> {
  return Object.fromEntries(queryParameters(operation).filter((p) => p.required).map((p) => [p.name, String(exampleOf(p.schema))]));
}
