import { HttpException, HttpStatus } from '@nestjs/common';

/** One field at fault: `path` in dotted/indexed form (`materials[0].fileId`), `message` for a person. */
export interface FieldError {
  path: string;
  message: string;
}

/** RFC 9457 body, plus our stable `code` and the fields at fault. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const problemType = (code: string) => `urn:ywtb:problem:${code}`;

/**
 * The error every service throws: an HTTP status, a stable machine-readable code and a sentence for a
 * person. The filter turns it into application/problem+json.
 */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    detail: string,
    readonly errors?: FieldError[],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail, status);
  }
}

export const badRequest = (code: string, detail: string, errors?: FieldError[]) =>
  new ProblemException(HttpStatus.BAD_REQUEST, code, detail, errors);
export const notFound = (code: string, detail: string) => new ProblemException(HttpStatus.NOT_FOUND, code, detail);
export const conflict = (code: string, detail: string, errors?: FieldError[]) => new ProblemException(HttpStatus.CONFLICT, code, detail, errors);
export const unprocessable = (code: string, detail: string, errors?: FieldError[]) =>
  new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, code, detail, errors);
export const forbidden = (code: string, detail: string) => new ProblemException(HttpStatus.FORBIDDEN, code, detail);
/** 429 with `retryAfter` (seconds) in the body, which the filter also sends as the Retry-After header. */
export const tooManyRequests = (code: string, detail: string, retryAfterSeconds: number) =>
  new ProblemException(HttpStatus.TOO_MANY_REQUESTS, code, detail, undefined, { retryAfter: retryAfterSeconds });
