import { readFileSync } from 'node:fs';
import type { OpenAPIObject } from '@nestjs/swagger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTypesSource, offlineApiDocument } from '../src/cli/openapi.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * The OpenAPI document the server serves is complete (a summary, a 2xx response schema, and the problem
 * codes of each 4xx for every operation), the offline copy the build makes is the same document, and the
 * pages' generated types (web/src/lib/api-types.ts) are made from it.
 */

interface Response {
  description: string;
  content?: Record<string, { schema?: unknown }>;
  'x-problem-codes'?: string[];
}
interface Operation {
  summary?: string;
  security?: unknown[];
  responses: Record<string, Response>;
}

let system: TestSystem;
let served: OpenAPIObject;

beforeAll(async () => {
  system = await startTestSystem('single-server');
  served = (await system.http().get('/api/docs-json').expect(200)).body as OpenAPIObject;
});

afterAll(async () => {
  await system?.stopAll();
});

function operations(document: OpenAPIObject): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, operation]): [string, Operation] => [`${method.toUpperCase()} ${path}`, operation]),
  );
}

describe('the OpenAPI document', () => {
  it('gives every operation a summary and a 2xx response with a schema (204 and redirects have no body)', () => {
    const all = operations(served);
    expect(all.length).toBeGreaterThan(100);
    const withoutSummary = all.filter(([, operation]) => !operation.summary?.trim()).map(([key]) => key);
    const withoutSchema = all
      .filter(([, operation]) => {
        const answers = Object.entries(operation.responses).filter(([status]) => /^[23]\d\d$/.test(status));
        return !answers.some(([status, response]) => status === '204' || status.startsWith('3') || Object.values(response.content ?? {}).some((media) => media.schema));
      })
      .map(([key]) => key);
    expect(withoutSummary).toEqual([]);
    expect(withoutSchema).toEqual([]);
  });

  it('answers every 4xx as problem+json and names its codes', () => {
    const faults = operations(served).flatMap(([key, operation]) =>
      Object.entries(operation.responses)
        .filter(([status]) => status.startsWith('4'))
        .filter(([, response]) => !response.content?.['application/problem+json'] || !(response['x-problem-codes']?.length ?? 0))
        .map(([status, response]) => `${key} ${status}: ${response.description}`),
    );
    expect(faults).toEqual([]);
  });

  it('lists 401 for every operation that needs a token, 403 for those limited to roles, and the service codes of the case engine', () => {
    const byKey = new Map(operations(served));
    const codes = (key: string, status: string) => byKey.get(key)?.responses[status]?.['x-problem-codes'] ?? [];
    const unlisted = operations(served)
      .filter(([, operation]) => operation.security?.length && !operation.security.some((scheme) => Object.keys(scheme as object).length === 0))
      .filter(([, operation]) => !operation.responses['401'])
      .map(([key]) => key);
    expect(unlisted).toEqual([]);
    expect(codes('GET /api/me', '401')).toContain('auth.unauthenticated');
    expect(byKey.get('POST /api/auth/login')?.security ?? []).toEqual([]);
    expect(codes('GET /api/users', '403')).toEqual(['auth.forbidden']);
    expect(codes('GET /api/me', '403')).toEqual([]);
    expect(codes('GET /api/cases/{id}', '400')).toEqual(['request.bad_parameter']);
    expect(codes('GET /api/cases/{id}', '404')).toEqual(['case.not_found']);
    expect(codes('POST /api/tasks/{id}/decision', '422')).toEqual(['engine.action_not_allowed']);
    expect(codes('GET /api/service-items/{code}', '400')).toEqual([]);
    // Public, with a token optional (staff see drafts): no 401 of its own.
    expect(byKey.get('GET /api/workflows/{key}')?.security).toContainEqual({});
  });

  it('describes the lists the pages read as { items, nextCursor } pages', () => {
    const schemaOf = (path: string) => (served.paths[path].get?.responses['200'] as Response).content?.['application/json']?.schema;
    expect(schemaOf('/api/cases')).toEqual({ $ref: '#/components/schemas/CaseSummaryPage' });
    expect(schemaOf('/api/tasks')).toEqual({ $ref: '#/components/schemas/TaskPage' });
    expect(schemaOf('/api/departments')).toEqual({ $ref: '#/components/schemas/DepartmentList' });
    expect(served.components?.schemas?.CaseSummaryPage).toMatchObject({ required: expect.arrayContaining(['items', 'nextCursor']) });
  });

  it('is the document the build makes offline, without a database (src/cli/openapi.ts)', async () => {
    expect(await offlineApiDocument()).toEqual(served);
  });

  it('is what web/src/lib/api-types.ts was generated from (run `npm run api:types` after changing the API)', async () => {
    const committed = readFileSync(new URL('../web/src/lib/api-types.ts', import.meta.url), 'utf8');
    expect(committed === (await apiTypesSource(served)), 'web/src/lib/api-types.ts is stale: run `npm run api:types`').toBe(true);
  });
});
