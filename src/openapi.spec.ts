import type { OpenAPIObject } from '@nestjs/swagger';
import { describe, expect, it } from 'vitest';
import { completeDocument, problemCodesIn } from './openapi.js';

const facts = { isPublic: false, roles: null, parsedParams: [], validatesInput: false, problems: {} };

function documentWith(operation: Record<string, unknown>): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths: { '/api/x/{id}': { get: { operationId: 'X_get', responses: { '200': { description: 'ok' } }, ...operation } } } } as OpenAPIObject;
}
const responsesOf = (document: OpenAPIObject) => document.paths['/api/x/{id}'].get!.responses as Record<string, { description: string; content?: unknown; 'x-problem-codes'?: string[] }>;

describe('completeDocument', () => {
  it('adds what the guards and pipes answer, from the route facts', () => {
    const document = completeDocument(documentWith({}), new Map([['X_get', { ...facts, roles: ['admin'], parsedParams: ['id'], validatesInput: true }]]));
    const responses = responsesOf(document);
    expect(responses['401']['x-problem-codes']).toEqual(['auth.unauthenticated', 'auth.session_ended', 'auth.session_revoked']);
    expect(responses['403']['x-problem-codes']).toEqual(['auth.forbidden']);
    expect(responses['400']['x-problem-codes']).toEqual(['request.bad_parameter', 'validation.failed']);
    expect(responses['400'].content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
    expect(document.paths['/api/x/{id}'].get!.security).toEqual([{ bearer: [] }]);
  });

  it('merges @Problems codes into the responses the decorators wrote, once each', () => {
    const document = completeDocument(
      documentWith({ responses: { '200': { description: 'ok' }, '404': { description: '`case.not_found`: no such case' } } }),
      new Map([['X_get', { ...facts, problems: { 404: ['case.not_found'], 409: ['case.already_rated'] } }]]),
    );
    expect(responsesOf(document)['404']).toMatchObject({ description: '`case.not_found`: no such case', 'x-problem-codes': ['case.not_found'] });
    expect(responsesOf(document)['409']['x-problem-codes']).toEqual(['case.already_rated']);
  });

  it('leaves a public route without 401 and makes its token optional', () => {
    const document = completeDocument(documentWith({ security: [{ bearer: [] }] }), new Map([['X_get', { ...facts, isPublic: true }]]));
    expect(responsesOf(document)['401']).toBeUndefined();
    expect(document.paths['/api/x/{id}'].get!.security).toEqual([{}, { bearer: [] }]);
  });
});

describe('problemCodesIn', () => {
  it('reads the codes written in backticks, not other code spans', () => {
    expect(problemCodesIn('`calendar.beyond_horizon`: outside; `year` names it; or `rate_limited`')).toEqual(['calendar.beyond_horizon', 'rate_limited']);
  });
});
