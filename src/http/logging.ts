import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';

/** 18-digit 居民身份证 numbers (and 统一社会信用代码) must never reach a log, wherever they appear. */
const ID_NUMBER = /\b\d{17}[\dXx]\b/g;
const CREDIT_CODE = /\b[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}\b/g;

export function scrubIdentifiers(text: string): string {
  return text.replace(ID_NUMBER, (id) => `${id.slice(0, 3)}***********${id.slice(-4)}`).replace(CREDIT_CODE, (c) => `${c.slice(0, 4)}**********${c.slice(-4)}`);
}

/** Structured JSON logs with a request id per request (taken from X-Request-Id when the proxy sets one). */
export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
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
      serializers: {
        req: (request: { id: unknown; method: string; url: string }) => ({ id: request.id, method: request.method, url: scrubIdentifiers(request.url) }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      autoLogging: { ignore: (request: IncomingMessage) => request.url === '/api/health' || request.url === '/api/metrics' },
    },
  };
}
