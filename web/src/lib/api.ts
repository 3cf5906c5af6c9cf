import { currentDictionary, hasChinese } from '../i18n/i18n';
import { navigate } from './router';
import { currentSession, renewTokens, signOut } from './session';
import type { FieldError } from './types';

/**
 * A problem+json answer (RFC 9457) or a network failure (status 0), with the fields at fault.
 * `detail` and each coded field error's `message` are what a person reads, in the page's language:
 * looked up by `code` in the i18n catalogue (the server's sentences are English, for developers);
 * `serverDetail` keeps the server's own sentence.
 */
export class ApiError extends Error {
  readonly detail: string;
  readonly errors: FieldError[];
  constructor(
    readonly status: number,
    readonly code: string,
    readonly serverDetail: string,
    errors: FieldError[] = [],
  ) {
    super(serverDetail);
    this.detail = problemText(status, code, serverDetail);
    this.errors = errors.map((error) => (error.code && currentDictionary().problems[error.code] ? { ...error, message: currentDictionary().problems[error.code]! } : error));
  }
}

/** The catalogue's sentence for a problem code; the server's own when it is already in the page's language. */
export function problemText(status: number, code: string, serverDetail: string): string {
  const t = currentDictionary();
  const known = t.problems[code];
  if (known) return known;
  if (t.locale !== 'zh-CN' || hasChinese(serverDetail)) return serverDetail;
  return t.problemByStatus(status);
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function problemOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; detail?: string; title?: string; message?: string; errors?: FieldError[] };
    return new ApiError(response.status, body.code ?? `http.${response.status}`, body.detail ?? body.title ?? body.message ?? response.statusText, body.errors ?? []);
  } catch {
    return new ApiError(response.status, `http.${response.status}`, response.statusText);
  }
}

/** One renewal at a time, however many calls found the token expired together (a refresh token works once). */
let renewing: Promise<boolean> | null = null;

function renew(refreshToken: string): Promise<boolean> {
  renewing ??= fetch('/api/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken }) })
    .then(async (response) => {
      if (!response.ok) return false;
      const tokens = (await response.json()) as { accessToken: string; refreshToken: string };
      renewTokens(tokens.accessToken, tokens.refreshToken);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      renewing = null;
    });
  return renewing;
}

/** Every call goes through here: the bearer token, renewed once when it has expired; problem+json errors; sign-out when the session is over. */
async function send(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}, renewed = false): Promise<Response> {
  const session = currentSession();
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...init.headers };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: init.body });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 401 && session && !path.startsWith('/api/auth/')) {
    if (!renewed && session.refreshToken && (await renew(session.refreshToken))) return send(method, path, init, true);
    signOut();
    navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

async function json<T>(response: Response): Promise<T> {
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: async <T>(path: string, query?: Query) => json<T>(await send('GET', withQuery(path, query))),
  post: async <T>(path: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    json<T>(await send('POST', path, { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } })),
  delete: async <T>(path: string) => json<T>(await send('DELETE', path)),
  put: async <T>(path: string, body: unknown) => json<T>(await send('PUT', path, { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } })),
  patch: async <T>(path: string, body: unknown) => json<T>(await send('PATCH', path, { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } })),
  upload: async <T>(path: string, file: Blob, name: string) => {
    const form = new FormData();
    form.append('file', file, name);
    return json<T>(await send('POST', path, { body: form }));
  },
};

/** `filename*=UTF-8''…` (RFC 6266) or `filename="…"` from a Content-Disposition header. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (extended?.[1]) return decodeURIComponent(extended[1]);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Downloads an authenticated resource (a material, a CSV export): a plain link cannot carry the
 * bearer token, so the bytes are fetched and handed to the browser as a blob.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await send('GET', path);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A task id contains ':' (case:step:n): it must be escaped to stay one path segment. */
export const taskPath = (taskId: string, action?: string) => `/api/tasks/${encodeURIComponent(taskId)}${action ? `/${action}` : ''}`;

/** A fresh Idempotency-Key; crypto.randomUUID only exists on https and localhost, so plain http intranets get the same from getRandomValues. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
