import fc from 'fast-check';
import { zipArchive } from './files-fixtures.js';
import { ROLES, type Role } from './actors.js';
import { pdfBytes } from './applicant.js';
import type { ApiRequest, RequestBody } from './api-requests.js';
import { pathParameters, queryParameters, urlOf, type Operation, type Parameter, type Schema } from './openapi.js';

/**
 * fast-check arbitraries of requests to one operation, drawn from its OpenAPI schemas: mostly valid-ish
 * (so that requests get past validation into the services), mixed with boundaries, wrong types, huge and
 * NUL-laden strings, unicode, deep nesting, extra fields, other content types and junk tokens.
 */

/** Who sends it: a role's token, or an Authorization header that is not a valid one. */
export type Caller = { role: Role } | { authorization: string };

export interface FuzzCase {
  caller: Caller;
  /** Without the Authorization header, which `caller` supplies when sent. */
  request: ApiRequest;
}

/** Real values by parameter or property name (`id`, `code`, `fileId`, …), so requests reach real objects. */
export type Pools = Record<string, readonly string[]>;

// Node answers a request line or headers beyond 16 KiB itself (431, before our code runs): keep URLs under that.
const LONG = 4_000;

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '%',
  '..',
  '../../../../etc/passwd',
  "' OR '1'='1' --",
  '"; DROP TABLE case_record; --',
  '${7*7}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999999',
  '2026-02-30',
  '9999-12-31',
  '\uFEFF',
  '\u202Eevil',
  '\uD800',
  '＝1+1',
  '=HYPERLINK("http://x")',
  '𠮷野家',
  '🙂'.repeat(50),
  'x'.repeat(LONG),
];

/** `arbitrary`'s value once in `times` draws, null otherwise. */
const onceIn = <T>(times: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: times - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** Any JSON value that is not what a field wants. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, [], {}, [[[[]]]], { $gt: '' }) },
  { weight: 1, arbitrary: fc.constant('y'.repeat(100_000)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"admin": true}}}')) },
);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validString(schema: Schema, pool: readonly string[] | undefined): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [];
  if (pool?.length) options.push(fc.constantFrom(...pool));
  if (schema.enum?.length) options.push(fc.constantFrom(...schema.enum.map(String)));
  if (typeof schema.example === 'string') options.push(fc.constant(schema.example));
  if (schema.format === 'uuid') options.push(fc.uuid());
  if (typeof schema.example === 'string' && ISO_DATE.test(schema.example)) {
    options.push(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  }
  if (options.length === 0 || !schema.enum) options.push(fc.string({ maxLength: 30 }));
  return fc.oneof(...options);
}

function validNumber(schema: Schema): fc.Arbitrary<number> {
  const min = schema.minimum ?? -1_000;
  const max = schema.maximum ?? 1_000;
  return fc.oneof({ weight: 4, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, min, max, 0.5) });
}

/** A value of `schema` as a valid request would send it (mostly), or a nasty one in its place. */
function valueOf(schema: Schema, name: string, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 8, arbitrary: validValue(schema, name, pools, depth) }, { weight: 1, arbitrary: nastyValue });
}

function validValue(schema: Schema, name: string, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  if (depth > 4) return fc.constant({});
  const pool = pools[name];
  if (schema.enum?.length && !pool) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object':
      return schema.properties ? objectOf(schema, pools, depth) : fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
    case 'array':
      return fc.oneof(
        { weight: 6, arbitrary: fc.array(valueOf(schema.items ?? {}, name, pools, depth + 1), { maxLength: 4 }) },
        { weight: 1, arbitrary: fc.array(validValue(schema.items ?? {}, name, pools, depth + 1), { minLength: 500, maxLength: 2_000 }) },
      );
    case 'number':
    case 'integer':
      return validNumber(schema);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return validString(schema, pool);
    default:
      return pool?.length ? fc.constantFrom(...pool) : fc.jsonValue({ maxDepth: 2 });
  }
}

/** The documented properties (required ones mostly present), sometimes one required dropped, sometimes extra fields. */
function objectOf(schema: Schema, pools: Pools, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = (schema.required ?? []).filter((key) => key in properties);
  const model = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, valueOf(property, key, pools, depth + 1)]));
  return fc
    .tuple(
      fc.record(model, { requiredKeys: required }),
      onceIn(8, required.length ? fc.constantFrom(...required) : fc.constant('')),
      onceIn(6, fc.dictionary(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'role', 'roles', 'isAdmin'), fc.string({ maxLength: 8 })), nastyValue, { maxKeys: 3 })),
    )
    .map(([record, dropped, extra]) => {
      const out: Record<string, unknown> = { ...record, ...(extra ?? {}) };
      if (dropped) delete out[dropped];
      return out;
    });
}

/** `[[[…]]]` or `{"a":{"a":…}}` nested `depth` times, as text (no stack is spent building it). */
function nested(depth: number, object: boolean): string {
  return object ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** A billion-laughs document: each alias list repeats the one before nine times. */
const YAML_BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n');

/** Bodies that are not the JSON object a route expects: deep, malformed, huge, or of another type. */
const oddBody: fc.Arbitrary<RequestBody> = fc.oneof(
  fc.tuple(fc.constantFrom(64, 600, 2_000, 6_000, 20_000), fc.boolean()).map(([depth, object]): RequestBody => ({ kind: 'raw', contentType: 'application/json', data: nested(depth, object) })),
  fc.constantFrom('{', '{"a":', '[1,2', '{"a" 1}', '\u0000', '{"a":"\\u0000"}', '{"a":1}{"b":2}', "{'a':1}", 'null', '"text"', '1e999').map((data): RequestBody => ({ kind: 'raw', contentType: 'application/json', data })),
  fc.constantFrom(200_000, 1_100_000).map((size): RequestBody => ({ kind: 'raw', contentType: 'application/json', data: `{"x":"${'a'.repeat(size)}"}` })),
  fc
    .tuple(
      fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/yaml', 'text/csv', 'application/json; charset=gb18030', 'application/octet-stream', 'multipart/form-data'),
      fc.constantFrom('a=1&b[c]=2&__proto__[x]=1', '<a>&xxe;</a>', YAML_BOMB, 'key: !!js/function "function(){}"', '{"a":1}', '\u0000\u0001\u0002', ''),
    )
    .map(([contentType, data]): RequestBody => ({ kind: 'raw', contentType, data })),
);

function jsonBody(schema: Schema, pools: Pools): fc.Arbitrary<RequestBody> {
  return fc.oneof(
    { weight: 12, arbitrary: valueOf(schema, '', pools, 0).map((value): RequestBody => ({ kind: 'json', value })) },
    { weight: 1, arbitrary: nastyValue.map((value): RequestBody => ({ kind: 'json', value })) },
    { weight: 3, arbitrary: oddBody },
  );
}

const uploadContent: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constant(pdfBytes('fuzz')),
  fc.uint8Array({ maxLength: 4_096 }).map((bytes) => Buffer.from(bytes)),
  fc
    .dictionary(fc.oneof(fc.constantFrom('OFD.xml', '../../evil.xml', '/etc/passwd', 'Doc_0/../../x', 'a\\..\\b'), fc.string({ maxLength: 20 })), fc.string({ maxLength: 200 }), { minKeys: 1, maxKeys: 4 })
    .map((entries) => zipArchive(entries)),
  fc.constant(Buffer.alloc(0)),
);

const uploadBody: fc.Arbitrary<RequestBody> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ field: fc.oneof({ weight: 5, arbitrary: fc.constant('file') }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 10 }) }), name: fc.oneof(fc.constant('a.pdf'), nastyString.filter((s) => s.length > 0 && !s.includes('\u0000'))), data: uploadContent, extra: fc.boolean() }).map(
    ({ field, name, data, extra }): RequestBody => ({ kind: 'multipart', files: { [field]: { data, name } }, ...(extra ? { fields: { note: 'x' } } : {}) }),
  ) },
  { weight: 1, arbitrary: oddBody },
);

/** Lines for a streamed registry import: a CSV header and rows, or JSON lines, full of odd values. */
const importBody = (contentTypes: string[]): fc.Arbitrary<RequestBody> =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom(...contentTypes, 'text/csv; charset=gb18030', 'text/plain', 'application/json'), fc.array(fc.array(fc.oneof(nastyString, fc.string({ maxLength: 12 })), { maxLength: 10 }), { maxLength: 20 }), fc.boolean())
      .map(([contentType, rows, header]): RequestBody => ({
        kind: 'raw',
        contentType,
        data: [...(header ? ['idNumber,name,gender,birthDate,hukouDistrict,disabilityLevel,monthlyIncome,householdSize,phone'] : []), ...rows.map((row) => row.join(','))].join('\n'),
      })),
    fc
      .array(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ idNumber: nastyString, name: nastyString, birthDate: nastyString, gender: fc.constantFrom('M', 'F', 'X') })), { maxLength: 20 })
      .map((lines): RequestBody => ({ kind: 'raw', contentType: 'application/x-ndjson', data: lines.map((line) => JSON.stringify(line)).join('\n') })),
    oddBody,
  );

function bodyOf(operation: Operation, pools: Pools): fc.Arbitrary<RequestBody | undefined> {
  const [declared] = operation.bodies;
  if (!declared) return fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: oddBody });
  if (declared.contentType === 'multipart/form-data') return uploadBody;
  if (declared.contentType === 'application/json') return jsonBody(declared.schema, pools);
  return importBody(operation.bodies.map((b) => b.contentType));
}

function pathValue(parameter: Parameter, pools: Pools): fc.Arbitrary<string> {
  return fc.oneof({ weight: 5, arbitrary: validString(parameter.schema, pools[parameter.name] ?? pools['*']) }, { weight: 2, arbitrary: nastyString });
}

function queryValue(parameter: Parameter, pools: Pools): fc.Arbitrary<string | string[]> {
  const valid: fc.Arbitrary<string> =
    parameter.schema.type === 'number' || parameter.schema.type === 'integer'
      ? validNumber(parameter.schema).map(String)
      : parameter.schema.type === 'boolean'
        ? fc.constantFrom('true', 'false', '1', 'yes')
        : validString(parameter.schema, pools[parameter.name]);
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 2, arbitrary: nastyString }, { weight: 1, arbitrary: fc.array(valid, { minLength: 2, maxLength: 3 }) });
}

/** Header values must be visible ASCII (a client refuses anything else before it is sent). */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 });

const caller: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Caller>({ role: 'admin' }) },
  { weight: 2, arbitrary: fc.constantFrom<Caller>({ role: 'clerk' }, { role: 'citizen' }) },
  { weight: 3, arbitrary: fc.constantFrom(...ROLES.map((role): Caller => ({ role }))) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom('Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', 'bearer x.y.z', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.'),
      headerText.map((text) => `Bearer ${text}`),
    ).map((authorization): Caller => ({ authorization })),
  },
);

/** Percent-encodings a client would never produce, put into the URL as they are. */
const RAW_SEGMENTS = ['%', '%E0%A4%A', '%00', '%C0%AE%C0%AE', '%uD800', '..%2F..%2F', '%2e%2e', '%ZZ'];
const PLACEHOLDER = 'RAW-SEGMENT-PLACEHOLDER';

export function fuzzCase(operation: Operation, pools: Pools): fc.Arbitrary<FuzzCase> {
  const parameters = pathParameters(operation);
  const path = fc.record(Object.fromEntries(parameters.map((p) => [p.name, pathValue(p, pools)])));
  const rawSegment = parameters.length ? onceIn(12, fc.constantFrom(...RAW_SEGMENTS)) : fc.constant(null);
  const query = queryParameters(operation);
  const queryRecord = fc.record(Object.fromEntries(query.map((p) => [p.name, queryValue(p, pools)])), { requiredKeys: query.filter((p) => p.required).map((p) => p.name) });
  const extraQuery = onceIn(8, fc.tuple(fc.constantFrom('unknown', '__proto__', 'limit[]', 'cursor', 'a[b]'), nastyString));
  const headers = fc.record(
    {
      'X-Request-Id': headerText,
      'Idempotency-Key': headerText,
      Accept: fc.constantFrom('text/csv', 'application/xml', '*/*'),
      'Content-Encoding': fc.constantFrom('gzip', 'br', 'identity'),
    },
    { requiredKeys: [] },
  );
  return fc
    .record({ caller, path, rawSegment, query: queryRecord, extraQuery, headers: onceIn(6, headers), body: bodyOf(operation, pools) })
    .map(({ caller, path, rawSegment, query, extraQuery, headers, body }) => {
      const fullQuery: Record<string, string | string[]> = { ...(query as Record<string, string | string[]>) };
      if (extraQuery) fullQuery[extraQuery[0]] = extraQuery[1];
      const values = path as Record<string, string>;
      const url = rawSegment
        ? urlOf(operation, { ...values, [parameters[0]!.name]: PLACEHOLDER }, fullQuery).replace(PLACEHOLDER, rawSegment)
        : urlOf(operation, values, fullQuery);
      const request: ApiRequest = { method: operation.method, url, headers: (headers ?? {}) as Record<string, string>, body };
      return { caller, request };
    });
}
