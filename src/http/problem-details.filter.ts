import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { uniqueConflictOf } from '../database/unique-violations.js';
import { ProblemException, problemType, type ProblemBody } from './problem.js';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'request.invalid',
  401: 'auth.unauthenticated',
  403: 'auth.forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'request.too_large',
  415: 'request.unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  503: 'unavailable',
};

/** An http-errors error from Express middleware (body-parser), as Nest keeps it in `cause`. */
interface HttpErrorLike {
  type?: string;
  limit?: number;
  charset?: string;
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/**
 * The database or the queue cannot be reached (refused, not accepting connections, timed out): a 503 to
 * retry in a few seconds, not a bug.
 */
const OUTAGE_CODES = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', '57P03', '08000', '08001', '08004', '53300']);
const OUTAGE_MESSAGES = /connect ECONNREFUSED|timeout exceeded when trying to connect|Connection terminated due to connection timeout/;

/**
 * SQLSTATEs of a transaction PostgreSQL undid because it raced another one — serialization failure,
 * deadlock, a lock wait cut short — and errors of a connection that dropped mid-transaction (the server
 * terminated it, the socket was reset): either way nothing was written and the same request succeeds when
 * sent again at once.
 */
const RACE_CODES = new Set(['40001', '40P01', '55P03', '57P01', '57P02', '57014', '08003', '08006', '08007', 'ECONNRESET', 'EPIPE']);
const DROPPED_MESSAGES = /Connection terminated unexpectedly|connection error and is not queryable|Client was closed and is not queryable|terminating connection/;

const sqlStateOf = (exception: unknown): unknown => {
  const error = exception as { code?: unknown; driverError?: { code?: unknown } } | null;
  return error?.driverError?.code ?? error?.code;
};

/** The error and what it wraps (TypeORM's `driverError`, `cause`, an AggregateError's `errors`), a few levels deep. */
function* causes(exception: unknown, depth = 0): Generator<{ code?: unknown; message?: unknown }> {
  if (exception === null || typeof exception !== 'object' || depth > 4) return;
  const error = exception as { driverError?: unknown; cause?: unknown; errors?: unknown };
  yield exception as { code?: unknown; message?: unknown };
  yield* causes(error.driverError, depth + 1);
  yield* causes(error.cause, depth + 1);
  if (Array.isArray(error.errors)) for (const inner of error.errors.slice(0, 4)) yield* causes(inner, depth + 1);
}

const matches = (exception: unknown, codes: Set<string>, messages: RegExp): boolean => {
  for (const error of causes(exception)) {
    if (typeof error.code === 'string' && codes.has(error.code)) return true;
    if (typeof error.message === 'string' && messages.test(error.message)) return true;
  }
  return false;
};

/** The database or the queue is away: a 503 to retry in a few seconds. */
const isOutage = (exception: unknown): boolean => matches(exception, OUTAGE_CODES, OUTAGE_MESSAGES);

/** A transaction undone by a race or a dropped connection: a 503 to retry at once. */
const isLostRace = (exception: unknown): boolean => matches(exception, RACE_CODES, DROPPED_MESSAGES);


function problem(status: number, code: string, detail: string): ProblemBody {
  return { type: problemType(code), title: titleOf(status), status, detail, code };
}

const titleOf = (status: number) => HttpStatus[status]?.replace(/_/g, ' ').toLowerCase() ?? 'error';

/** SQLSTATEs of a string PostgreSQL cannot store: U+0000 in text (22021) or in jsonb (22P05). */
const UNSTORABLE_CHARACTER = new Set(['22021', '22P05']);

/**
 * The database refusing a client's string. The NUL-byte pipe catches what handlers take as arguments;
 * this catches anything that reached a query another way, so it is still a 400 and never a 500.
 */
function isUnstorableCharacter(exception: unknown): boolean {
  const code = sqlStateOf(exception);
  return typeof code === 'string' && UNSTORABLE_CHARACTER.has(code);
}

/** What body-parser refused, by its error type; the body as a whole is the field at fault. */
function bodyProblem(status: number, cause: HttpErrorLike): ProblemBody | null {
  switch (cause.type) {
    case 'entity.parse.failed':
      return problem(status, 'request.malformed_json', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return { ...problem(status, 'request.too_large', `The request body is larger than the limit of ${cause.limit} bytes for this route.`), maxBytes: cause.limit };
    case 'charset.unsupported':
      return problem(status, 'request.unsupported_charset', `The body's charset ${cause.charset ?? ''} is not supported; send UTF-8.`);
    case 'encoding.unsupported':
      return problem(status, 'request.unsupported_encoding', 'The body\'s Content-Encoding is not supported.');
    default:
      return null;
  }
}

/**
 * Where a 400 that names no field went wrong. The contract is that every 400 says which part of the
 * request is at fault; body-level refusals name the body, a bad URL names the path.
 */
const WHOLE_PART: Record<string, string> = {
  'request.malformed_json': 'body',
  'request.malformed_body': 'body',
  'request.too_deep': 'body',
  'request.too_many_members': 'body',
  'request.nul_byte': 'body',
  'request.bad_path': 'path',
};

/** Every 400 leaves with `errors[{ path, message }]`, however deep in the stack it was refused. */
function withFieldErrors(problem: ProblemBody): ProblemBody {
  if (problem.status !== 400 || (problem.errors && problem.errors.length > 0)) return problem;
  return { ...problem, errors: [{ path: WHOLE_PART[problem.code] ?? 'request', message: problem.detail }] };
}

export function toProblem(exception: unknown): ProblemBody {
  return withFieldErrors(problemOf(exception));
}

function problemOf(exception: unknown): ProblemBody {
  if (exception instanceof ProblemException) {
    const status = exception.getStatus();
    return {
      type: problemType(exception.code),
      title: titleOf(status),
      status,
      detail: exception.message,
      code: exception.code,
      ...(exception.errors ? { errors: exception.errors } : {}),
      ...exception.extensions,
    };
  }
  if (exception instanceof HttpException) {
    // Nest maps Express's body-parser errors to HttpExceptions and keeps the original as `cause`; our own
    // checks of a body before it is parsed (body-parsers.ts) throw ProblemExceptions that end up there too.
    const cause = exception.cause as HttpErrorLike | undefined;
    if (cause instanceof ProblemException) return problemOf(cause);
    const status = exception.getStatus();
    const refusedBody = cause ? bodyProblem(status, cause) : null;
    if (refusedBody) return refusedBody;
    const body = exception.getResponse();
    if (status === 503 && typeof body === 'object' && body !== null && 'details' in body) {
      // A failed health check: keep terminus's `info`, `error` and `details` beside the problem fields.
      const { info, error, details } = body as Record<string, unknown>;
      return { ...problem(status, 'health.dependency_down', 'A dependency is down.'), info, error, details };
    }
    if (status === 400 && (cause instanceof URIError || /^Failed to decode param/.test(messageOf(exception)))) {
      return problem(status, 'request.bad_path', 'The URL path is not valid percent-encoding.');
    }
    if (status === 400 && typeof (cause as { errno?: unknown } | undefined)?.errno === 'number') {
      // zlib refusing a Content-Encoding: gzip/deflate body ("incorrect header check").
      return problem(status, 'request.malformed_body', 'The request body does not decompress with its Content-Encoding.');
    }
    return problem(status, CODE_BY_STATUS[status] ?? `http.${status}`, messageOf(exception));
  }
  const unique = uniqueConflictOf(exception);
  if (unique) {
    return { ...problem(409, unique.code, unique.detail), ...(unique.path ? { errors: [{ path: unique.path, message: 'is taken' }] } : {}) };
  }
  if (isUnstorableCharacter(exception)) {
    return problem(400, 'request.nul_byte', 'The request contains a character that cannot be stored (U+0000).');
  }
  if (isLostRace(exception)) {
    // Retry-After 1: the other transaction has finished by then.
    return { ...problem(503, 'service.busy', 'The request ran into a concurrent change and was undone; send it again.'), retryAfter: 1 };
  }
  if (isOutage(exception)) {
    return problem(503, 'service.unavailable', 'A service this request needs is unavailable for the moment; try again shortly.');
  }
  return {
    type: problemType('internal'),
    title: 'internal server error',
    status: 500,
    detail: 'Something went wrong on our side; the error has been logged.',
    code: 'internal',
  };
}

/** Every error leaves as application/problem+json (RFC 9457) with a stable `code`. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request & { id?: string }>();
    const response = context.getResponse<Response>();
    const problem = toProblem(exception);
    if (problem.status === 503) response.setHeader('Retry-After', '5');
    if (typeof problem.retryAfter === 'number') response.setHeader('Retry-After', String(problem.retryAfter));
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    problem.instance = request.originalUrl?.split('?')[0];
    if (request.id !== undefined) problem.requestId = String(request.id);
    if (response.headersSent) return;
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
