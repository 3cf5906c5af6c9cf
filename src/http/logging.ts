import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { maskPhone, maskResidentId, maskUscc } from '@app/gov-ids';
import type { Params } from 'nestjs-pino';
import { destination, stdSerializers, type DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config.js';

/**
 * Personal identifiers that must never reach a log (个人信息保护法), wherever they appear: a message, a
 * PostgreSQL error's detail (`Key (id_number)=(…) already exists`), query parameters, a stack trace.
 * Digit runs are matched by their length alone, so a number glued to letters is masked too.
 */
const RESIDENT_ID = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const MOBILE_PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** 统一社会信用代码. It mixes letters and digits, so it needs letters or digits on neither side — a letter escaped in JSON (`\n`) is no letter. */
const CREDIT_CODE = /(?<!(?<!\\)[0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g;

export function scrubIdentifiers(text: string): string {
  return text.replace(RESIDENT_ID, maskResidentId).replace(CREDIT_CODE, maskUscc).replace(MOBILE_PHONE, maskPhone);
}

/**
 * Stdout, written asynchronously: a line is queued and handed to the kernel off the event loop (pino's
 * SonicBoom on fd 1; lines that arrive while a write is in flight go out together in the next one).
 * `process.stdout` writes synchronously to files and pipes, which put every log line on the request
 * path (issue #14). What is still queued at exit is written by pino's exit hook; a clean shutdown waits
 * for `flushed()` first.
 */
class LogOutput {
  private stream: ReturnType<typeof destination> | null = null;
  private idle = true;

  write(text: string): void {
    if (!this.stream) {
      this.stream = destination({ dest: 1, sync: false });
      this.stream.on('drain', () => (this.idle = true));
    }
    this.idle = false;
    this.stream.write(text);
  }

  /** Resolves once every line written so far has reached stdout (or after `withinMs`, for a stdout that takes nothing). */
  flushed(withinMs = 2_000): Promise<void> {
    const stream = this.stream;
    if (!stream || this.idle) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, withinMs);
      stream.once('drain', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

export const logOutput = new LogOutput();

/**
 * The one choke point: every log line, whatever wrote it (pino-http, Nest's Logger, pino's error
 * serializer with its enumerable fields), is scrubbed here on its way to stdout.
 */
export const scrubbedStdout: DestinationStream = {
  write(line: string) {
    logOutput.write(scrubIdentifiers(line));
  },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A client's (or proxy's) X-Request-Id is kept only when it looks like a request id: a UUID, or at most
 * 64 safe characters without a run of 15 digits, and nothing the scrubber would mask (else the id in the
 * log would differ from the one echoed).
 */
export function isAcceptableRequestId(given: unknown): given is string {
  if (typeof given !== 'string') return false;
  const shaped = UUID.test(given) || (SAFE_REQUEST_ID.test(given) && !/\d{15}/.test(given));
  return shaped && scrubIdentifiers(given) === given;
}

/** A UUID that logs exactly as it is echoed (one in a thousand or so holds a run of digits like a phone number). */
function newRequestId(): string {
  let id = randomUUID();
  while (!isAcceptableRequestId(id)) id = randomUUID();
  return id;
}

/** Structured JSON logs on stdout, scrubbed, with a request id per request (the proxy's when it sends one). */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: [
      {
        level: config.logLevel,
        genReqId: (request: IncomingMessage, response: ServerResponse) => {
          const given = request.headers['x-request-id'];
          const id = isAcceptableRequestId(given) ? given : newRequestId();
          response.setHeader('X-Request-Id', id);
          return id;
        },
        redact: {
          paths: [
            'req.headers.authorization',
            'req.headers.cookie',
            '*.password',
            '*.passwordHash',
            '*.idNumber',
            '*.uscc',
            '*.accessToken',
          ],
          censor: '[redacted]',
        },
        // Ours take the request and response themselves: wrapped, pino's standard serializers would first
        // copy every header of both into objects for each line, to be thrown away here.
        wrapSerializers: false,
        serializers: {
          req: (request: { id: unknown; method: string; url: string; originalUrl?: string }) => ({ id: request.id, method: request.method, url: request.originalUrl ?? request.url }),
          res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
          err: stdSerializers.err,
        },
        autoLogging: { ignore: (request: IncomingMessage) => request.url === '/api/health' || request.url === '/api/metrics' },
      },
      scrubbedStdout,
    ],
  };
}
