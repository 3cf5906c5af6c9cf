import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersOf, OWNING_DEPARTMENT, ROLES, signIn, type Actor, type Actors, type Role } from './support/actors.js';
import { pdfBytes } from './support/applicant.js';
import { codeOf, mapLimit, send, type ApiAnswer, type ApiRequest, type RequestBody } from './support/api-requests.js';
import { decodeCursor, forgedCursors, likelyCursor } from './support/forged-cursors.js';
import { exampleOf, isList, loadOperations, requiredQuery, urlOf, type Operation } from './support/openapi.js';
import { privateDatabase, type PrivateDatabase } from './support/private-database.js';
import { buildFixtures, serviceItemBody, type SecurityFixtures } from './support/security-fixtures.js';
import { SEED_PASSWORD, startTestSystem, type TestSystem } from './support/system.js';

/**
 * Who may call what, on whose objects: every operation of the OpenAPI document × every role × the
 * fixture objects (all citizen1's, in market-regulation), through the HTTP API. An operation without a
 * row in POLICY fails the suite, so a new route is never left out. See docs/security-testing.md.
 */

/**
 * `ok`: passes the access checks (2xx, or a 4xx about the input or the object's state: 400, 409, 422);
 * 401: no or bad token; 403: the caller may know the object but not do this;
 * 404: the same answer as for an object that does not exist.
 */
type Outcome = 'ok' | 401 | 403 | 404;

type PathValues = Record<string, string>;

/** What a path names: a fixture object, and (for the 404 comparison) a look-alike that names nothing. */
interface PathObject {
  of: (f: SecurityFixtures) => PathValues;
  missing: ((f: SecurityFixtures) => PathValues) | null;
}

/** An object named by one path parameter. */
const object = (parameter: string, pick: (f: SecurityFixtures) => string, nothing: () => string = randomUUID): PathObject => ({
  of: (f) => ({ [parameter]: pick(f) }),
  missing: () => ({ [parameter]: nothing() }),
});
const noSuchCode = () => `authz-none-${randomUUID().slice(0, 8)}`;

const OBJECTS = {
  case: object('id', (f) => f.caseId),
  caseToWithdraw: object('id', (f) => f.caseToWithdrawId),
  finishedCase: object('id', (f) => f.finishedCaseId),
  task: object('id', (f) => f.taskId, () => `${randomUUID()}:task:1`),
  attachedFile: object('id', (f) => f.attachedFileId),
  loneFile: object('id', (f) => f.loneFileId),
  certificate: object('code', (f) => f.certificateCode, () => '0000-0000-0000-0000'),
  serviceItem: object('code', (f) => f.serviceItemCode, noSuchCode),
  bundle: object('code', (f) => f.bundleCode, noSuchCode),
  workflow: object('key', (f) => f.workflowKey, noSuchCode),
  workflowVersion: { of: (f) => ({ key: f.workflowKey, version: '1' }), missing: (f) => ({ key: f.workflowKey, version: '999' }) },
  workflowDraft: { of: (f) => ({ key: f.workflowKey, version: String(f.draftVersion) }), missing: (f) => ({ key: f.workflowKey, version: '999' }) },
  unpublishedDraft: { of: (f) => ({ key: f.workflowKey, version: String(f.unpublishedDraftVersion) }), missing: (f) => ({ key: f.workflowKey, version: '999' }) },
  policy: object('code', (f) => f.policyCode, noSuchCode),
  grant: object('id', (f) => f.grantId, () => '999999999999'),
  review: object('id', (f) => f.reviewId),
  run: object('runId', (f) => f.runId),
  import: object('id', (f) => f.importId),
  flag: object('id', (f) => f.flagId),
  scan: object('scanId', (f) => f.scanId),
  staffUser: object('id', (f) => f.staffUserId),
  // No job fails in the fixtures: the admin's answer is the one for a failed job that does not exist.
  failedJob: object('id', () => randomUUID()),
  notification: object('id', (f) => f.notificationIds[0]!),
  webhook: object('id', (f) => f.webhookId),
  webhookDelivery: { of: (f) => ({ id: f.webhookId, deliveryId: randomUUID() }), missing: () => ({ id: randomUUID(), deliveryId: randomUUID() }) },
  // Admin-only calendar writes that leave the calendar as it was: a year before the first notice is
  // refused (422), and a provisional day is changed by one row and restored by the next.
  calendarYear: { of: () => ({ year: '2001' }), missing: null },
  calendarDay: { of: () => ({ date: '2028-12-29' }), missing: null },
  // Authorisations and enterprises nobody has: for everyone allowed to ask, the 404 of any unknown one.
  noAuthorisation: { of: () => ({ id: randomUUID() }), missing: null },
  noEnterprise: { of: () => ({ id: randomUUID() }), missing: null },
  noEnterpriseHandler: { of: () => ({ id: randomUUID(), authorisationId: randomUUID() }), missing: null },
  // Issue 19: a 差评 ticket nobody has: for everyone allowed to ask, the 404 of any unknown one.
  noRatingTicket: { of: () => ({ id: randomUUID() }), missing: null },
  // Issue 19: a 告知承诺 check nobody has (the fixtures approve no case on commitment).
  noCommitmentCheck: { of: () => ({ id: randomUUID() }), missing: null },
} satisfies Record<string, PathObject>;

interface Rule {
  /** One column per role, in the order of ROLES (the header above POLICY). */
  who: string;
  /** The object the path names. */
  on?: keyof typeof OBJECTS;
  /** A body that passes validation, where the documented example (`example`) does not. */
  body?: (f: SecurityFixtures, example: Record<string, unknown>) => unknown;
  query?: (f: SecurityFixtures) => Record<string, string>;
  /** Roles this operation exists to show citizen1's whole ID number and phone to (the admin's reveal). */
  reveals?: Role[];
  /** Rows of a list that only `seenBy` may find in it (walking every page); every other caller allowed the list must not. */
  rows?: { of: (f: SecurityFixtures) => string[]; seenBy: Role[] };
}

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const fieldsOf = ({ code: _code, ...fields }: ReturnType<typeof serviceItemBody>) => fields;
const bundleFields = (f: SecurityFixtures) => ({ name: '授权测试套餐', serviceItemCodes: [f.serviceItemCode, f.otherServiceItemCode], failurePolicy: 'finish-rest' });

/**
 * The policy. A key is an operation of the OpenAPI document, optionally followed by ` — <variant>` when
 * one operation is checked on two kinds of object.
 */
const POLICY: Record<string, Rule> = {
  // ano anonymous · cit citizen1, who owns every fixture · oci citizen2 · ent enterprise1 · clk clerk of the owning
  // department (market-regulation) · ocl clerk of civil-affairs · sup supervisor · adm admin
  //                                                                 ano cit oci ent clk ocl sup adm
  'POST /api/auth/login':                                    { who: 'ok  ok  ok  ok  ok  ok  ok  ok', body: () => ({ username: 'citizen1', password: SEED_PASSWORD }) },
  'GET /api/me':                                             { who: '401 ok  ok  ok  ok  ok  ok  ok' },
  // Issue 17: registration, sessions and the provider sign-in are open to anyone (the token, if any, changes nothing).
  'POST /api/auth/sms-code':                                 { who: 'ok  ok  ok  ok  ok  ok  ok  ok', body: () => ({ phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` }) },
  'POST /api/auth/register':                                 { who: 'ok  ok  ok  ok  ok  ok  ok  ok' },
  // The documented example is no session's refresh token: 401 for everyone, signed in or not.
  'POST /api/auth/refresh':                                  { who: '401 401 401 401 401 401 401 401' },
  'POST /api/auth/logout':                                   { who: 'ok  ok  ok  ok  ok  ok  ok  ok' },
  'GET /api/auth/providers':                                 { who: 'ok  ok  ok  ok  ok  ok  ok  ok' },
  // No provider is configured for this suite (test/oidc.e2e.spec.ts has one).
  'GET /api/auth/oidc/login':                                { who: '404 404 404 404 404 404 404 404' },
  'GET /api/auth/oidc/callback':                             { who: '404 404 404 404 404 404 404 404' },
  'POST /api/my/agents':                                     { who: '401 ok  ok  ok  403 403 403 403', body: () => ({ agentUsername: 'no.such.agent', validUntil: '2099-12-31' }) },
  'GET /api/my/agents':                                      { who: '401 ok  ok  ok  403 403 403 403' },
  'DELETE /api/my/agents/{id}':                              { who: '401 404 404 404 403 403 403 403', on: 'noAuthorisation' },
  'GET /api/my/principals':                                  { who: '401 ok  ok  ok  403 403 403 403' },
  'POST /api/my/enterprises':                                { who: '401 ok  ok  ok  403 403 403 403', body: () => ({ uscc: 'not-a-credit-code', name: '授权测试公司' }) },
  'GET /api/my/enterprises':                                 { who: '401 ok  ok  ok  403 403 403 403' },
  'POST /api/my/enterprises/{id}/handlers':                  { who: '401 404 404 404 403 403 403 403', on: 'noEnterprise', body: () => ({ agentUsername: 'citizen2', validUntil: '2099-12-31' }) },
  'GET /api/my/enterprises/{id}/handlers':                   { who: '401 404 404 404 403 403 403 403', on: 'noEnterprise' },
  'DELETE /api/my/enterprises/{id}/handlers/{authorisationId}': { who: '401 404 404 404 403 403 403 403', on: 'noEnterpriseHandler' },
  // 窗口代录 is a clerk's: a citizen (or anyone else) calling the counter is refused.
  'POST /api/counter/cases':                                 { who: '401 403 403 403 ok  ok  403 403' },
  'GET /api/users':                                          { who: '401 403 403 403 403 403 403 ok' },
  'POST /api/users':                                         { who: '401 403 403 403 403 403 403 ok', body: () => ({ username: unique('authz.user'), password: 'A-long-passphrase-2026', roles: ['supervisor'], displayName: '测试' }) },
  'PATCH /api/users/{id}':                                   { who: '401 403 403 403 403 403 403 ok', on: 'staffUser', body: () => ({ displayName: '测试员二' }) },
  'GET /api/departments':                                    { who: 'ok  ok  ok  ok  ok  ok  ok  ok' },
  'GET /api/service-items':                                  { who: 'ok  ok  ok  ok  ok  ok  ok  ok' },
  'POST /api/service-items':                                 { who: '401 403 403 403 403 403 403 ok', body: (f) => serviceItemBody(unique('AZ'), f.workflowKey) },
  'GET /api/service-items/{code}':                           { who: 'ok  ok  ok  ok  ok  ok  ok  ok', on: 'serviceItem' },
  'PUT /api/service-items/{code}':                           { who: '401 403 403 403 403 403 403 ok', on: 'serviceItem', body: (f) => fieldsOf(serviceItemBody(f.serviceItemCode, f.workflowKey)) },
  'GET /api/bundles':                                        { who: 'ok  ok  ok  ok  ok  ok  ok  ok' },
  'POST /api/bundles':                                       { who: '401 403 403 403 403 403 403 ok', body: (f) => ({ ...bundleFields(f), code: unique('authz-bundle') }) },
  'GET /api/bundles/{code}':                                 { who: 'ok  ok  ok  ok  ok  ok  ok  ok', on: 'bundle' },
  'PUT /api/bundles/{code}':                                 { who: '401 403 403 403 403 403 403 ok', on: 'bundle', body: bundleFields },
  'GET /api/calendar/add-working-days':                      { who: 'ok  ok  ok  ok  ok  ok  ok  ok' },
  'GET /api/calendar/days':                                  { who: 'ok  ok  ok  ok  ok  ok  ok  ok' },
  'GET /api/calendar/years':                                 { who: 'ok  ok  ok  ok  ok  ok  ok  ok' },
  'PUT /api/calendar/years/{year}':                          { who: '401 403 403 403 403 403 403 ok', on: 'calendarYear', body: () => ({ holidays: [], workdays: [], source: '授权测试' }) },
  'PUT /api/calendar/days/{date}':                           { who: '401 403 403 403 403 403 403 ok', on: 'calendarDay' },
  'DELETE /api/calendar/days/{date}':                        { who: '401 403 403 403 403 403 403 ok', on: 'calendarDay' },
  'GET /api/calendar/changes':                               { who: '401 403 403 403 403 403 403 ok' },
  'POST /api/workflows/validate':                            { who: '401 403 403 403 403 403 403 ok' },
  'POST /api/workflows':                                     { who: '401 403 403 403 403 403 403 ok', body: (_, example) => ({ ...example, key: unique('authz-wf') }) },
  'GET /api/workflows':                                      { who: '401 403 403 403 ok  ok  ok  ok' },
  'POST /api/workflows/{key}/versions/{version}/publish':    { who: '401 403 403 403 403 403 403 ok', on: 'workflowDraft' },
  // API.md and issue 16: "readable by everyone, signed in or not: the process of a service is public".
  'GET /api/workflows/{key}':                                { who: 'ok  ok  ok  ok  ok  ok  ok  ok', on: 'workflow' },
  'GET /api/workflows/{key}/versions/{version}':             { who: 'ok  ok  ok  ok  ok  ok  ok  ok', on: 'workflowVersion' },
  'GET /api/workflows/{key}/versions/{version} — a draft':   { who: '404 404 404 404 ok  ok  ok  ok', on: 'unpublishedDraft' },
  'GET /api/workflows/{key}/versions/{version}/graph':       { who: '401 403 403 403 ok  ok  ok  ok', on: 'workflowVersion' },
  // Issue 19: moving running cases is an admin's; a dry run of the version onto itself is refused (422) and changes nothing.
  'POST /api/workflows/{key}/migrations':                    { who: '401 403 403 403 403 403 403 ok', on: 'workflow', body: () => ({ fromVersion: 1, toVersion: 1, stepMapping: {}, dryRun: true }) },
  'GET /api/my/notifications':                               { who: '401 ok  ok  ok  ok  ok  ok  ok', rows: { of: (f) => f.notificationIds, seenBy: ['citizen'] } },
  'GET /api/my/notifications/unread-count':                  { who: '401 ok  ok  ok  ok  ok  ok  ok' },
  // One's own notice only; another's is as unknown as one that does not exist (issue 18).
  'POST /api/my/notifications/{id}/read':                    { who: '401 ok  404 404 404 404 404 404', on: 'notification' },
  'GET /api/notifications':                                  { who: '401 403 403 403 403 403 403 ok' },
  // The fixture notice was delivered, not failed: 409 for the admin.
  'POST /api/notifications/{id}/retry':                      { who: '401 403 403 403 403 403 403 ok', on: 'notification' },
  'POST /api/webhooks':                                      { who: '401 403 403 403 403 403 403 ok', body: () => ({ url: 'http://203.0.113.11/authz', events: ['case.finished'], secret: 'authz-webhook-secret-2026' }) },
  'GET /api/webhooks':                                       { who: '401 403 403 403 403 403 403 ok' },
  'GET /api/webhooks/{id}':                                  { who: '401 403 403 403 403 403 403 ok', on: 'webhook' },
  'PATCH /api/webhooks/{id}':                                { who: '401 403 403 403 403 403 403 ok', on: 'webhook', body: () => ({ events: ['grant.created'] }) },
  'DELETE /api/webhooks/{id}':                               { who: '401 403 403 403 403 403 403 ok', on: 'webhook' },
  'GET /api/webhooks/{id}/deliveries':                       { who: '401 403 403 403 403 403 403 ok', on: 'webhook' },
  'POST /api/webhooks/{id}/deliveries/{deliveryId}/redeliver': { who: '401 403 403 403 403 403 403 404', on: 'webhookDelivery' },
  'POST /api/files':                                         { who: '401 ok  ok  ok  ok  ok  ok  ok' },
  // A file: its uploader, and whoever may see a case that names it (issue 12); nobody else learns it exists.
  'GET /api/files/{id}':                                     { who: '401 ok  404 404 ok  404 ok  ok', on: 'attachedFile' },
  'GET /api/files/{id} — a file no case names':              { who: '401 ok  404 404 404 404 404 404', on: 'loneFile' },
  'GET /api/files/{id}/content':                             { who: '401 ok  404 404 ok  404 ok  ok', on: 'attachedFile' },
  'GET /api/files/{id}/content — a file no case names':      { who: '401 ok  404 404 404 404 404 404', on: 'loneFile' },
  'GET /api/certificates/{code}/verify':                     { who: 'ok  ok  ok  ok  ok  ok  ok  ok', on: 'certificate' },
  // Issue 19: 撤销 is a supervisor's or an admin's (the second of them gets 409: revoked already).
  'POST /api/certificates/{code}/revoke':                     { who: '401 403 403 403 403 403 ok  ok', on: 'certificate' },
  // 差评 整改: supervisors see every ticket, clerks their department's; the department works it, a supervisor closes and decides.
  'GET /api/rating-tickets':                                  { who: '401 403 403 403 ok  ok  ok  ok' },
  'GET /api/rating-tickets/{id}':                             { who: '401 403 403 403 404 404 404 404', on: 'noRatingTicket' },
  'POST /api/rating-tickets/{id}/visit':                      { who: '401 403 403 403 404 404 404 404', on: 'noRatingTicket' },
  'POST /api/rating-tickets/{id}/rectify':                    { who: '401 403 403 403 404 404 404 404', on: 'noRatingTicket' },
  'POST /api/rating-tickets/{id}/appeal':                     { who: '401 403 403 403 404 404 404 404', on: 'noRatingTicket' },
  'POST /api/rating-tickets/{id}/close':                      { who: '401 403 403 403 403 403 404 404', on: 'noRatingTicket' },
  'POST /api/rating-tickets/{id}/appeal-decision':            { who: '401 403 403 403 403 403 404 404', on: 'noRatingTicket' },
  // Issue 19: 告知承诺 checks are the department's (clerks) and visible to supervisors and admins; only a clerk of the department decides.
  'GET /api/commitment-checks':                               { who: '401 403 403 403 ok  ok  ok  ok' },
  'GET /api/commitment-checks/{id}':                          { who: '401 403 403 403 404 404 404 404', on: 'noCommitmentCheck' },
  'POST /api/commitment-checks/{id}/decision':                { who: '401 403 403 403 404 404 404 404', on: 'noCommitmentCheck', body: () => ({ outcome: 'confirmed' }) },
  'POST /api/cases':                                         { who: '401 ok  ok  ok  403 403 403 403', body: (f) => ({ serviceItemCode: f.serviceItemCode, form: { shopName: '福顺家常菜' }, materials: [] }) },
  'GET /api/cases':                                          { who: '401 ok  ok  ok  ok  ok  ok  ok', rows: { of: (f) => [f.caseId, f.caseToWithdrawId, f.finishedCaseId], seenBy: ['citizen', 'clerk', 'supervisor', 'admin'] } },
  'GET /api/cases/{id}':                                     { who: '401 ok  404 404 ok  404 ok  ok', on: 'case' },
  'POST /api/cases/{id}/corrections':                        { who: '401 ok  404 404 403 404 403 403', on: 'case', body: () => ({ materials: [] }) },
  'POST /api/cases/{id}/withdraw':                           { who: '401 ok  404 404 403 404 403 403', on: 'caseToWithdraw' },
  'POST /api/cases/{id}/rating':                             { who: '401 ok  404 404 403 404 403 403', on: 'finishedCase', body: () => ({ score: 5 }) },
  'POST /api/cases/{id}/extensions':                         { who: '401 403 403 403 403 403 ok  ok', on: 'case' },
  'GET /api/cases/{id}/history/verify':                      { who: '401 403 403 403 403 403 ok  ok', on: 'case' },
  'GET /api/tasks':                                          { who: '401 403 403 403 ok  ok  403 403', rows: { of: (f) => [f.taskId], seenBy: ['clerk'] } },
  'GET /api/tasks/{id}':                                     { who: '401 403 403 403 ok  404 403 403', on: 'task' },
  'POST /api/tasks/{id}/claim':                              { who: '401 403 403 403 ok  404 403 403', on: 'task' },
  'POST /api/tasks/{id}/release':                            { who: '401 403 403 403 ok  404 403 403', on: 'task' },
  // An action the 受理 step does not allow (422): access is checked, the case does not move.
  'POST /api/tasks/{id}/assign':                             { who: '401 403 403 403 403 403 ok  ok ', on: 'task', body: () => ({ userId: randomUUID() }) },
  'POST /api/tasks/bulk':                                    { who: '401 403 403 403 ok  ok  403 403', body: () => ({ action: 'claim', taskIds: [`${randomUUID()}:task:1`] }) },
  'GET /api/tasks/workload':                                 { who: '401 403 403 403 403 403 ok  ok ', query: () => ({ departmentCode: 'market-regulation' }) },
  'GET /api/my/substitute':                                  { who: '401 403 403 403 ok  ok  403 403' },
  'PUT /api/my/substitute':                                  { who: '401 403 403 403 ok  ok  403 403', body: () => ({ userId: randomUUID(), from: '2099-01-01T00:00:00Z', to: '2099-01-02T00:00:00Z' }) },
  'DELETE /api/my/substitute':                               { who: '401 403 403 403 ok  ok  403 403' },
  'POST /api/tasks/{id}/decision':                           { who: '401 403 403 403 ok  404 403 403', on: 'task', body: () => ({ action: 'approve' }) },
  'POST /api/tasks/{id}/clock/pause':                        { who: '401 403 403 403 ok  404 403 403', on: 'task' },
  'POST /api/tasks/{id}/clock/resume':                       { who: '401 403 403 403 ok  404 403 403', on: 'task' },
  'POST /api/registry/persons/import':                       { who: '401 403 403 403 403 403 403 ok' },
  'POST /api/registry/enterprises/import':                   { who: '401 403 403 403 403 403 403 ok' },
  'GET /api/registry/imports/{id}':                          { who: '401 403 403 403 403 403 403 ok', on: 'import' },
  'GET /api/registry/changes':                               { who: '401 403 403 403 ok  ok  ok  ok', query: (f) => ({ idNumber: f.idNumber }) },
  'POST /api/benefit-policies':                              { who: '401 403 403 403 403 403 403 ok', body: () => ({ code: unique('authz-policy'), name: '无人符合', subjectType: 'person', rule: `person.hukouDistrict == '${unique('无此区')}'`, amount: 1, period: 'once' }) },
  'POST /api/benefit-policies/validate':                     { who: '401 403 403 403 403 403 403 ok', body: () => ({ subjectType: 'person', rule: 'person.age >= 80' }) },
  'GET /api/benefit-policies':                               { who: '401 403 403 403 ok  ok  ok  ok' },
  'GET /api/benefit-policies/{code}':                        { who: '401 403 403 403 ok  ok  ok  ok', on: 'policy' },
  'PATCH /api/benefit-policies/{code}':                      { who: '401 403 403 403 403 403 403 ok', on: 'policy', body: () => ({ active: true }) },
  'POST /api/benefit-policies/{code}/versions':              { who: '401 403 403 403 403 403 403 ok', on: 'policy', body: () => ({ name: '无人符合', rule: `person.hukouDistrict == '${unique('无此区')}'`, amount: 1, period: 'once' }) },
  'POST /api/benefit-policies/{code}/runs':                  { who: '401 403 403 403 403 403 403 ok', on: 'policy', body: () => ({ dryRun: true }) },
  'GET /api/benefit-policies/{code}/runs':                   { who: '401 403 403 403 ok  ok  ok  ok', on: 'policy' },
  'GET /api/benefit-runs/{runId}':                           { who: '401 403 403 403 ok  ok  ok  ok', on: 'run' },
  'GET /api/benefit-grants':                                 { who: '401 403 403 403 ok  ok  ok  ok', rows: { of: (f) => [f.grantId], seenBy: ['clerk', 'otherClerk', 'supervisor', 'admin'] } },
  'GET /api/benefit-grants/{id}':                            { who: '401 403 403 403 ok  ok  ok  ok', on: 'grant' },
  // Issue 12: the full facts only for an admin who states a purpose.
  'POST /api/benefit-grants/{id}/reveal':                    { who: '401 403 403 403 403 403 403 ok', on: 'grant', body: () => ({ purpose: '授权测试：核对发放对象' }), reveals: ['admin'] },
  'GET /api/my/profile':                                     { who: '401 ok  ok  ok  403 403 403 403' },
  'GET /api/my/benefits':                                    { who: '401 ok  ok  ok  ok  ok  ok  ok', rows: { of: (f) => [f.grantId], seenBy: ['citizen'] } },
  'POST /api/my/benefits/{id}/decline':                      { who: '401 ok  404 404 404 404 404 404', on: 'grant' },
  // Reviews belong to the policy's department (market-regulation).
  'GET /api/benefit-reviews':                                { who: '401 403 403 403 ok  ok  ok  ok', rows: { of: (f) => [f.reviewId], seenBy: ['clerk', 'supervisor', 'admin'] } },
  'POST /api/benefit-reviews/{id}/resolve':                  { who: '401 403 403 403 ok  404 403 ok', on: 'review', body: () => ({ decision: 'keep' }) },
  'GET /api/risk-monitor/forecast':                          { who: '401 403 403 403 403 403 ok  ok' },
  'POST /api/risk-monitor/scan':                             { who: '401 403 403 403 403 403 ok  ok' },
  'GET /api/risk-monitor/scans/{scanId}':                    { who: '401 403 403 403 403 403 ok  ok', on: 'scan' },
  'GET /api/risk-flags':                                     { who: '401 403 403 403 403 403 ok  ok', rows: { of: (f) => [f.flagId], seenBy: ['supervisor', 'admin'] } },
  'POST /api/risk-flags/{id}/acknowledge':                   { who: '401 403 403 403 403 403 ok  ok', on: 'flag' },
  'POST /api/risk-flags/{id}/resolve':                       { who: '401 403 403 403 403 403 ok  ok', on: 'flag' },
  'GET /api/analytics/turnaround':                           { who: '401 403 403 403 403 403 ok  ok' },
  'GET /api/analytics/rating-tickets':                       { who: '401 403 403 403 403 403 ok  ok' },
  'GET /api/analytics/ratings':                              { who: '401 403 403 403 403 403 ok  ok' },
  'GET /api/audit/personal-data-access':                     { who: '401 403 403 403 403 403 ok  ok' },
  'GET /api/audit/history-checkpoints/verify':               { who: '401 403 403 403 403 403 ok  ok' },
  'POST /api/audit/history-checkpoints':                     { who: '401 403 403 403 403 403 ok  ok' },
  'GET /api/health':                                         { who: 'ok  ok  ok  ok  ok  ok  ok  ok' },
  // Issue 12: metrics only for an admin token (or METRICS_TOKEN).
  'GET /api/metrics':                                        { who: '401 403 403 403 403 403 403 ok' },
  // Issue 15: the operators' endpoints are for admins.
  'GET /api/operations/queues':                              { who: '401 403 403 403 403 403 403 ok' },
  'GET /api/operations/failed-jobs':                         { who: '401 403 403 403 403 403 403 ok' },
  'POST /api/operations/failed-jobs/{id}/retry':             { who: '401 403 403 403 403 403 403 404', on: 'failedJob' },
  'POST /api/operations/board/session':                       { who: '401 403 403 403 403 403 403 ok' },
};

function outcomes(rule: Rule): Record<Role, Outcome> {
  const cells = rule.who.trim().split(/\s+/);
  if (cells.length !== ROLES.length || cells.some((cell) => !['ok', '401', '403', '404'].includes(cell))) {
    throw new Error(`"${rule.who}": one of ok, 401, 403, 404 for each of ${ROLES.join(', ')}`);
  }
  return Object.fromEntries(ROLES.map((role, i) => [role, cells[i] === 'ok' ? 'ok' : (Number(cells[i]) as Outcome)])) as Record<Role, Outcome>;
}

const operationKey = (policyKey: string) => policyKey.split(' — ')[0]!;

let database: PrivateDatabase;
let system: TestSystem;
let actors: Actors;
let fixtures: SecurityFixtures;
let operations: Map<string, Operation>;

beforeAll(async () => {
  database = await privateDatabase('authorization');
  // The suite provokes errors on purpose: their stack traces in the log would bury its report.
  system = await startTestSystem('single-server', { DATABASE_URL: database.url, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal' });
  actors = await signIn(system);
  fixtures = await buildFixtures(system, actors);
  operations = new Map((await loadOperations(system)).map((operation) => [operation.key, operation]));
}, 180_000);

afterAll(async () => {
  await system?.stopAll();
  await database?.drop();
});

function operationOf(policyKey: string): Operation {
  const operation = operations.get(operationKey(policyKey));
  if (!operation) throw new Error(`${operationKey(policyKey)} is not in the OpenAPI document (renamed or removed? update POLICY)`);
  return operation;
}

/** The request of `rule` by `actor`, on the object (or its missing look-alike) named by `path`. */
function requestOf(operation: Operation, rule: Rule, actor: Actor, path: Record<string, string>, query: Record<string, string> = {}): ApiRequest {
  const fullQuery = { ...requiredQuery(operation), ...rule.query?.(fixtures), ...query };
  return { method: operation.method, url: urlOf(operation, path, fullQuery), headers: headersOf(actor), body: bodyOf(operation, rule) };
}

function bodyOf(operation: Operation, rule: Rule): RequestBody | undefined {
  const [declared] = operation.bodies;
  if (!declared) return undefined;
  if (declared.contentType === 'multipart/form-data') return { kind: 'multipart', files: { file: { data: pdfBytes('authz'), name: 'authz.pdf' } } };
  if (declared.contentType !== 'application/json') {
    // A streamed import: an empty file changes nothing.
    const ndjson = operation.bodies.find((b) => b.contentType === 'application/x-ndjson') ?? declared;
    return { kind: 'raw', contentType: ndjson.contentType, data: '' };
  }
  const example = exampleOf(declared.schema);
  return { kind: 'json', value: rule.body ? rule.body(fixtures, example as Record<string, unknown>) : example };
}

interface Exchange {
  request: ApiRequest;
  answer: ApiAnswer;
  /** For an object route: the answer for an object that does not exist. */
  missing?: ApiAnswer;
  /** For a list the caller may read: the keys of every row on every page. */
  rows?: Set<string>;
}

const rowKey = (row: Record<string, unknown>) => String(row.id ?? row.runId ?? row.code ?? row.version ?? JSON.stringify(row));

/** Every row of a list, page after page (at most 20 pages of 200). */
async function allRows(operation: Operation, rule: Rule, actor: Actor): Promise<Set<string>> {
  const keys = new Set<string>();
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const answer = await send(system, requestOf(operation, rule, actor, rule.on ? OBJECTS[rule.on].of(fixtures) : {}, { limit: '200', ...(cursor ? { cursor } : {}) }));
    if (answer.status !== 200) throw new Error(`${operation.key} as ${actor.role}: page ${page + 1} answered ${answer.status}`);
    const body = answer.body as { items: Record<string, unknown>[]; nextCursor: string | null };
    for (const row of body.items) keys.add(rowKey(row));
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return keys;
}

/**
 * Sends the operation as every role: first the roles that must be refused (so nothing they could do
 * changes what the others see), then the allowed ones.
 */
async function probe(policyKey: string): Promise<Map<Role, Exchange>> {
  const rule = POLICY[policyKey]!;
  const operation = operationOf(policyKey);
  const expected = outcomes(rule);
  const object = rule.on ? OBJECTS[rule.on] : undefined;
  const exchanges = new Map<Role, Exchange>();
  const refused = ROLES.filter((role) => expected[role] !== 'ok');
  const allowed = ROLES.filter((role) => expected[role] === 'ok');
  for (const group of [refused, allowed]) {
    await mapLimit(group, 4, async (role) => {
      const actor = actors[role];
      const request = requestOf(operation, rule, actor, object?.of(fixtures) ?? {});
      const answer = await send(system, request);
      const exchange: Exchange = { request, answer };
      if (object?.missing && (expected[role] === 'ok' || expected[role] === 404)) {
        exchange.missing = await send(system, requestOf(operation, rule, actor, object.missing(fixtures)));
      }
      if (expected[role] === 'ok' && isList(operation) && answer.status === 200) exchange.rows = await allRows(operation, rule, actor);
      exchanges.set(role, exchange);
    });
  }
  return exchanges;
}

/**
 * citizen1's full ID number and phones, found in an answer to someone else (masked values never match).
 * Staff look people up by ID number, so an answer may repeat the one the request named; and the
 * `examples` of the catalogue's form schemas are illustrations, which the seed draws from its own
 * synthetic accounts.
 */
function personalDataIn({ answer, request }: Exchange): string[] {
  const text = JSON.stringify(answer.body, (key, value: unknown) => (key === 'examples' ? undefined : value));
  return fixtures.personalData.filter((value) => text.includes(value) && !request.url.includes(value));
}

const describeAnswer = (answer: ApiAnswer) => `${answer.status} ${codeOf(answer) ?? ''}`.trim();

it('has a rule for every operation of the OpenAPI document, and none for an operation that is gone', () => {
  const documented = [...operations.keys()].sort();
  const ruled = [...new Set(Object.keys(POLICY).map(operationKey))].sort();
  expect(documented.filter((key) => !ruled.includes(key)), 'operations without a rule in POLICY').toEqual([]);
  expect(ruled.filter((key) => !documented.includes(key)), 'rules for operations the document does not have').toEqual([]);
});

describe.each(Object.keys(POLICY))('%s', (policyKey) => {
  let exchanges: Map<Role, Exchange>;
  const expected = outcomes(POLICY[policyKey]!);

  beforeAll(async () => {
    exchanges = await probe(policyKey);
  });

  it.each(ROLES.map((role) => [role, expected[role]] as const))('%s → %s', (role, outcome) => {
    const { answer, missing, rows } = exchanges.get(role)!;
    expect(answer.status, `answered ${describeAnswer(answer)}`).toBeLessThan(500);
    if (outcome === 'ok') {
      expect([401, 403, 404], `refused with ${describeAnswer(answer)}`).not.toContain(answer.status);
      if (missing) expect(missing.status, 'an object that does not exist').toBe(404);
    } else {
      expect(answer.status, `answered ${describeAnswer(answer)}`).toBe(outcome);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(codeOf(answer)).toEqual(expect.any(String));
      // What a stranger gets must not tell the object from one that does not exist.
      if (missing) expect(describeAnswer(missing), 'the same answer as for an object that does not exist').toBe(describeAnswer(answer));
    }
    if (role !== 'citizen' && !POLICY[policyKey]!.reveals?.includes(role)) expect(personalDataIn(exchanges.get(role)!), 'citizen1’s ID number or phone, whole, in the answer').toEqual([]);
    const visible = POLICY[policyKey]!.rows;
    if (rows && visible) {
      const ids = visible.of(fixtures);
      const seen = ids.filter((id) => rows.has(id));
      expect(seen, visible.seenBy.includes(role) ? 'finds its rows in the list' : 'finds nobody else’s rows in the list').toEqual(visible.seenBy.includes(role) ? ids : []);
    }
  });
});

describe('forged pagination cursors', () => {
  it.each(ROLES.filter((role) => role !== 'anonymous'))('never widen a list for %s', async (role) => {
    const violations: string[] = [];
    const lists = [...operations.values()].filter(isList);
    expect(lists.length).toBeGreaterThan(5);
    for (const operation of lists) {
      const [policyKey, rule] = Object.entries(POLICY).find(([key]) => operationKey(key) === operation.key)!;
      if (outcomes(rule)[role] !== 'ok') continue;
      const actor = actors[role];
      const victim = role === 'citizen' || role === 'clerk' ? { userId: actors.otherCitizen.userId!, department: 'civil-affairs' } : { userId: actors.citizen.userId!, department: OWNING_DEPARTMENT };
      const cursors = forgedCursors(await genuineCursor(operation, rule), victim);
      const answers = await mapLimit(cursors, 4, (cursor) => send(system, requestOf(operation, rule, actor, rule.on ? OBJECTS[rule.on].of(fixtures) : {}, { limit: '200', cursor })));
      // Rows are only ever added while the forged pages are asked for, so the honest walk after them covers every row they may show.
      const honest = await allRows(operation, rule, actor);
      answers.forEach((answer, i) => {
        const shown = `${policyKey} cursor=${cursors[i]} (${JSON.stringify(tryDecode(cursors[i]!))})`;
        if (answer.status === 400) return;
        if (answer.status !== 200) return violations.push(`${shown}: ${describeAnswer(answer)}, not 400 or an own page`);
        const foreign = (answer.body as { items: Record<string, unknown>[] }).items.map(rowKey).filter((key) => !honest.has(key));
        if (foreign.length > 0) violations.push(`${shown}: rows the caller cannot list honestly: ${foreign.slice(0, 5).join(', ')}`);
      });
    }
    expect(violations, violations.join('\n')).toEqual([]);
  });
});

/** A cursor the API really gives out for this list (its shape is what a forger starts from). */
async function genuineCursor(operation: Operation, rule: Rule): Promise<Record<string, unknown>> {
  for (const role of ROLES) {
    if (outcomes(rule)[role] !== 'ok') continue;
    const answer = await send(system, requestOf(operation, rule, actors[role], rule.on ? OBJECTS[rule.on].of(fixtures) : {}, { limit: '1' }));
    const next = (answer.body as { nextCursor?: string | null } | null)?.nextCursor;
    if (answer.status === 200 && next) return decodeCursor(next) as Record<string, unknown>;
  }
  return likelyCursor();
}

function tryDecode(cursor: string): unknown {
  try {
    return decodeCursor(cursor);
  } catch {
    return cursor;
  }
}
