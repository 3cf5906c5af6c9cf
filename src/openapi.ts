import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { IS_PUBLIC, ROLES } from './auth/auth.decorators.js';
import { IntParamPipe, UuidParamPipe } from './http/path-params.js';
import { PROBLEMS, type ProblemCodes } from './http/problems.decorator.js';

const PARSING_PIPES: Function[] = [UuidParamPipe, IntParamPipe];
const PLAIN_TYPES: unknown[] = [String, Number, Boolean, Object, Array, undefined];

type Responses = OpenAPIObject['paths'][string]['get'] extends infer O ? (O extends { responses: infer R } ? R : never) : never;
type ResponseObject = { description: string; content?: Record<string, { schema: unknown }>; 'x-problem-codes'?: string[] };
type Operation = {
  operationId?: string;
  summary?: string;
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Responses;
};

/** What the guards and pipes answer on their own, named by the route's metadata rather than by each controller. */
interface RouteFacts {
  isPublic: boolean;
  roles: string[] | null;
  /** Path parameters parsed by UuidParamPipe or IntParamPipe (400 `request.bad_parameter`). */
  parsedParams: string[];
  /** A query or body bound to a DTO class, which the global ValidationPipe checks (400 `validation.failed`). */
  validatesInput: boolean;
  /** What the service answers, from @Problems. */
  problems: ProblemCodes;
}

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details with a stable `code`; `errors[]` name the fields at fault.',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', example: 'urn:ywtb:problem:validation.failed' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', example: 'validation.failed' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

/** Codes named in a response's description as `code.name`, the convention of the controllers' decorators. */
export function problemCodesIn(description: string): string[] {
  return [...description.matchAll(/`([a-z][a-z_]*(?:\.[a-z][a-z_]*)+|rate_limited)`/g)].map((match) => match[1]);
}

function addProblem(responses: Record<string, ResponseObject>, status: string, codes: string[], description?: string): void {
  const existing = responses[status];
  const listed = (list: string[]) => list.map((code) => `\`${code}\``).join(', ') + (description ? `: ${description}` : '');
  if (!existing) {
    responses[status] = { description: listed(codes) };
    return;
  }
  const missing = codes.filter((code) => !problemCodesIn(existing.description).includes(code));
  if (missing.length > 0) existing.description = `${existing.description}; ${listed(missing)}`;
}

/**
 * Completes what the decorators leave implicit: each operation's 401 (not @Public), 403 (@Roles), 400 for
 * its path parameters (UuidParamPipe/IntParamPipe) and its validated query or body; every 4xx answered as
 * application/problem+json with its codes listed in `x-problem-codes`.
 */
export function completeDocument(document: OpenAPIObject, routes: Map<string, RouteFacts>): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.Problem = PROBLEM_SCHEMA as never;
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Operation[]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const facts = (operation.operationId && routes.get(operation.operationId)) || { isPublic: false, roles: null, parsedParams: [], validatesInput: false, problems: {} };
      const responses = operation.responses as Record<string, ResponseObject>;
      if (!facts.isPublic) {
        addProblem(responses, '401', ['auth.unauthenticated', 'auth.session_ended', 'auth.session_revoked'], 'no valid bearer token, or its session ended');
        operation.security ??= [{ bearer: [] }];
      } else if (operation.security) {
        // Public, and a token only changes what the caller sees (staff see drafts): the token is optional.
        operation.security = [{}, ...operation.security];
      }
      if (facts.roles) addProblem(responses, '403', ['auth.forbidden'], `the caller is not ${facts.roles.join(' or ')}`);
      if (facts.parsedParams.length > 0) addProblem(responses, '400', ['request.bad_parameter'], `${facts.parsedParams.join(' or ')} does not parse`);
      if (facts.validatesInput) addProblem(responses, '400', ['validation.failed'], 'a field of the query or body is invalid (`errors[].path` names it)');
      for (const [status, codes] of Object.entries(facts.problems)) addProblem(responses, status, codes ?? []);
      for (const [status, response] of Object.entries(responses)) {
        if (!/^4\d\d$/.test(status)) continue;
        response.content ??= { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
        response['x-problem-codes'] = [...new Set(problemCodesIn(response.description))];
      }
    }
  }
  return document;
}

/** The route facts of every controller method, keyed by Swagger's default operationId (`Controller_method`). */
export function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  // The container Swagger itself scans: it holds the controllers with or without their instances (preview mode).
  const container = (app as unknown as { container: { getModules(): Map<string, { controllers: Map<unknown, { metatype: Function }> }> } }).container;
  for (const module of container.getModules().values()) {
    for (const { metatype } of module.controllers.values()) {
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const read = <T>(key: symbol): T | undefined => (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, metatype)) as T | undefined;
        const args = Object.entries((Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, name) ?? {}) as Record<string, { index: number; data?: unknown; pipes?: unknown[] }>);
        const types = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as unknown[];
        const kind = (key: string) => Number(key.split(':')[0]);
        const parsedParams = args
          .filter(([key, arg]) => kind(key) === RouteParamtypes.PARAM && (arg.pipes ?? []).some((pipe) => PARSING_PIPES.some((parser) => pipe === parser || pipe instanceof parser)))
          .map(([, arg]) => String(arg.data ?? 'a path parameter'));
        const validatesInput = args.some(
          ([key, arg]) => (kind(key) === RouteParamtypes.BODY || kind(key) === RouteParamtypes.QUERY) && !PLAIN_TYPES.includes(types[arg.index]),
        );
        facts.set(`${metatype.name}_${name}`, { isPublic: read<boolean>(IS_PUBLIC) === true, roles: read<string[]>(ROLES) ?? null, parsedParams, validatesInput, problems: read<ProblemCodes>(PROBLEMS) ?? {} });
      }
    }
  }
  return facts;
}

/** The OpenAPI document of the API, served at /api/docs-json and turned into the pages' types (src/cli/openapi.ts). */
export function apiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('一网通办 — one-stop government services')
      .setDescription(
        'The public HTTP API. Errors are application/problem+json (RFC 9457) with a stable `code`. Any route may refuse input ' +
          'with 400 `request.nul_byte`, `request.too_deep` or `request.too_many_members`, 413 `request.too_large` or 415 ' +
          '`request.unsupported_charset`; every list refuses a cursor it did not give out with 400 `pagination.bad_cursor` ' +
          '(docs/security-input.md).',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  return completeDocument(document, routeFacts(app));
}
