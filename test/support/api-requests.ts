import type { Method } from './openapi.js';
import type { TestSystem } from './system.js';

/** One HTTP request of the security suites, plain data so that a failing one can be printed and replayed. */
export interface ApiRequest {
  method: Method;
  /** Path and query, already encoded. */
  url: string;
  headers?: Record<string, string>;
  body?: RequestBody;
}

export type RequestBody =
  | { kind: 'json'; value: unknown }
  /** Bytes as they are, under any content type (malformed JSON, CSV, a 5,000-deep array). */
  | { kind: 'raw'; contentType: string; data: string }
  | { kind: 'multipart'; files: Record<string, { data: Buffer; name: string }>; fields?: Record<string, string> };

export interface ApiAnswer {
  status: number;
  contentType: string;
  body: unknown;
}

/** Sends the request; without an answer within `timeoutMs` it throws. */
export async function send(system: TestSystem, request: ApiRequest, timeoutMs = 30_000): Promise<ApiAnswer> {
  let call = system.http()[request.method](request.url).set(request.headers ?? {}).timeout(timeoutMs);
  const body = request.body;
  // JSON is encoded here, so that a bare string or null goes out as JSON too.
  if (body?.kind === 'json') call = call.set('Content-Type', 'application/json').send(JSON.stringify(body.value));
  if (body?.kind === 'raw') call = call.set('Content-Type', body.contentType).send(body.data);
  if (body?.kind === 'multipart') {
    for (const [name, value] of Object.entries(body.fields ?? {})) call = call.field(name, value);
    for (const [name, file] of Object.entries(body.files)) call = call.attach(name, file.data, file.name);
  }
  const response = await call.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  const contentType = String(response.headers['content-type'] ?? '');
  const raw = (response.body as Buffer).toString('utf8');
  let parsed: unknown = raw;
  if (/json/.test(contentType)) {
    try {
      parsed = JSON.parse(raw);
    } catch {
      // left as text: the shape check reports a body that is not JSON
    }
  }
  return { status: response.status, contentType, body: parsed };
}

/**
 * What is wrong with an answer by the error contract (API.md): never a 5xx, and every 4xx an
 * application/problem+json with `type`, `title`, `status`, `detail` and `code`, a 400 also naming the
 * fields at fault in `errors[].path` (unless `fieldErrors` is false).
 */
export function contractViolations(answer: ApiAnswer, { fieldErrors = true } = {}): string[] {
  if (answer.status >= 500) return [`answered ${answer.status}`];
  if (answer.status < 400) return [];
  const out: string[] = [];
  if (!/^application\/problem\+json/.test(answer.contentType)) out.push(`${answer.status} with content type "${answer.contentType}", not application/problem+json`);
  const problem = (typeof answer.body === 'object' && answer.body !== null ? answer.body : {}) as Record<string, unknown>;
  for (const field of ['type', 'title', 'detail', 'code']) {
    if (typeof problem[field] !== 'string' || problem[field] === '') out.push(`${answer.status} without a "${field}"`);
  }
  if (problem.status !== answer.status) out.push(`${answer.status} whose body says status ${String(problem.status)}`);
  if (answer.status === 400 && fieldErrors) {
    const errors = problem.errors;
    const named = Array.isArray(errors) && errors.length > 0 && errors.every((e: { path?: unknown; message?: unknown }) => typeof e?.path === 'string' && typeof e?.message === 'string');
    if (!named) out.push(`400 ${String(problem.code)} without errors[{ path, message }]`);
  }
  return out;
}

export const codeOf = (answer: ApiAnswer): string | undefined => (answer.body as { code?: string } | null)?.code;

/** Runs `task` over `items`, at most `limit` at a time, answers in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
