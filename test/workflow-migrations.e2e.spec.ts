import { DataSource } from 'typeorm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serviceItem } from './support/applicant.js';
import { auth, decide, openTasksOf, waitForTask } from './support/drive.js';
import { itemWithSteps, submitCase } from './support/joint-item.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/** Issue 19: moving running cases to a newer definition version (POST /api/workflows/:key/migrations). */

let system: TestSystem;
let admin: string;
let citizen: string;
let supervisor: string;

beforeAll(async () => {
  system = await startTestSystem('single-server');
  [admin, citizen, supervisor] = await Promise.all(['admin', 'citizen1', 'supervisor'].map((u) => system.login(u)));
});

afterAll(async () => {
  await system?.stopAll();
});

const ACCEPT = { id: 'accept', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { accept: 'review', refuse: 'end:refused', correction: 'accept' } };
const ISSUE = { id: 'issue', type: 'certificate', certificate: { name: '迁移测试许可证' }, outcomes: { done: 'end:approved' } };
const V1 = [ACCEPT, { id: 'review', type: 'review', queue: { department: 'market-regulation', role: 'reviewer' }, outcomes: { approve: 'issue', reject: 'end:rejected', correction: 'review' } }, ISSUE];
// Version 2: the review becomes a health-department check with its own SLA.
const V2 = [{ ...ACCEPT, outcomes: { ...ACCEPT.outcomes, accept: 'health-check' } }, { id: 'health-check', type: 'review', queue: { department: 'health', role: 'reviewer' }, sla: { workingDays: 3 }, outcomes: { approve: 'issue', reject: 'end:rejected' } }, ISSUE];

const apply = (code: string) => submitCase(system, citizen, code);

async function publish(key: string, steps: unknown[]): Promise<number> {
  const current = (await system.http().get(`/api/workflows/${key}/versions/1`).set(auth(admin)).expect(200)).body;
  const draft = (await system.http().post('/api/workflows').set(auth(admin)).send({ ...current, steps }).expect(201)).body.version as number;
  await system.http().post(`/api/workflows/${key}/versions/${draft}/publish`).set(auth(admin)).expect(200);
  return draft;
}

const migrate = (key: string, body: Record<string, unknown>, status = 200) => system.http().post(`/api/workflows/${key}/migrations`).set(auth(admin)).send(body).expect(status);
const view = async (id: string) => (await system.http().get(`/api/cases/${id}`).set(auth(citizen)).expect(200)).body;

/** Three cases on version 1: one waiting to be accepted, one at the review, one finished (refused). */
async function casesOnVersionOne() {
  const code = await itemWithSteps(system, admin, 'migration', V1);
  const key = (await serviceItem(system, code)).workflowKey;
  const [atAccept, atReview, finished] = [await apply(code), await apply(code), await apply(code)];
  await waitForTask(system, 'market-regulation', atAccept, 'accept');
  await decide(system, 'market-regulation', (await waitForTask(system, 'market-regulation', atReview, 'accept')).id, { action: 'accept' });
  await waitForTask(system, 'market-regulation', atReview, 'review');
  await decide(system, 'market-regulation', (await waitForTask(system, 'market-regulation', finished, 'accept')).id, { action: 'refuse' });
  return { code, key, atAccept, atReview, finished };
}

it('lists in a dry run what would move and what cannot, and changes nothing', async () => {
  const { key, atAccept, atReview, finished } = await casesOnVersionOne();
  const v2 = await publish(key, V2);
  const reviewTask = (await openTasksOf(system, 'market-regulation', atReview))[0]!;

  const { body } = await migrate(key, { fromVersion: 1, toVersion: v2, stepMapping: { review: 'health-check' }, dryRun: true });
  expect(body).toMatchObject({ key, fromVersion: 1, toVersion: v2, dryRun: true, moved: 1, refused: 1 });
  // Open cases only, in case-number order: the finished one is not among them.
  expect(body.results.map((r: { caseId: string }) => r.caseId)).toEqual([atAccept, atReview]);
  expect(body.results[0]).toMatchObject({ caseId: atAccept, status: 'refused', fromStep: 'accept', toStep: null, problem: { code: 'migration.step_unmapped' } });
  expect(body.results[1]).toMatchObject({ caseId: atReview, status: 'would_move', fromStep: 'review', toStep: 'health-check' });
  expect(body.results.some((r: { caseId: string }) => r.caseId === finished)).toBe(false);

  expect((await view(atReview)).workflow).toEqual({ key, version: 1 });
  expect((await openTasksOf(system, 'market-regulation', atReview)).map((t) => t.id)).toEqual([reviewTask.id]);
  expect(await openTasksOf(system, 'health', atReview)).toEqual([]);
});

it('moves each case with a history row that keeps the chain intact, reopening the task where the new step needs it', async () => {
  const { key, atAccept, atReview } = await casesOnVersionOne();
  const v2 = await publish(key, V2);
  const oldTask = (await openTasksOf(system, 'market-regulation', atReview))[0]!;
  const acceptTask = (await openTasksOf(system, 'market-regulation', atAccept))[0]!;

  const { body } = await migrate(key, { fromVersion: 1, toVersion: v2, stepMapping: { accept: 'accept', review: 'health-check' }, dryRun: false });
  expect(body).toMatchObject({ dryRun: false, moved: 2, refused: 0 });
  expect(body.results).toEqual([
    { caseId: atAccept, caseNo: expect.any(String), status: 'moved', fromStep: 'accept', toStep: 'accept' },
    { caseId: atReview, caseNo: expect.any(String), status: 'moved', fromStep: 'review', toStep: 'health-check' },
  ]);

  const moved = await view(atReview);
  expect(moved.workflow).toEqual({ key, version: v2 });
  expect(moved.status).toBe('accepted');
  expect(moved.currentSteps).toEqual(['health-check']);
  expect(moved.timeline.at(-1)).toMatchObject({ action: 'workflow_migrated', actor: expect.any(String), comment: expect.stringContaining('health-check') });
  for (const id of [atAccept, atReview]) {
    expect((await system.http().get(`/api/cases/${id}/history/verify`).set(auth(supervisor)).expect(200)).body.valid).toBe(true);
  }

  // The old review task is gone from market-regulation's queue and cannot be decided; health has the new one.
  expect(await openTasksOf(system, 'market-regulation', atReview)).toEqual([]);
  const stale = await decide(system, 'market-regulation', oldTask.id, { action: 'approve' }, 409);
  expect(stale.body.code).toBeDefined();
  const healthTask = await waitForTask(system, 'health', atReview, 'health-check');
  expect(healthTask.allowedActions).toEqual(['approve', 'reject']);
  await decide(system, 'health', healthTask.id, { action: 'approve' });
  await expect.poll(async () => (await view(atReview)).status, { timeout: 20_000 }).toBe('approved');

  // The case at `accept` was reopened at v2's accept and continues on v2's steps.
  expect((await openTasksOf(system, 'market-regulation', atAccept)).map((t) => t.id)).not.toContain(acceptTask.id);
  await decide(system, 'market-regulation', (await waitForTask(system, 'market-regulation', atAccept, 'accept')).id, { action: 'accept' });
  await waitForTask(system, 'health', atAccept, 'health-check');

  // Nothing is left on version 1: a second run finds no case.
  expect((await migrate(key, { fromVersion: 1, toVersion: v2, stepMapping: { accept: 'accept' } })).body).toMatchObject({ moved: 0, refused: 0, results: [] });
});

it('refuses a mapping to a step the target lacks, unknown or unpublished versions, and steps of different kinds', async () => {
  const { key } = await casesOnVersionOne();
  const v2 = await publish(key, V2);

  const missing = await migrate(key, { fromVersion: 1, toVersion: v2, stepMapping: { review: 'review' }, dryRun: true }, 422);
  expect(missing.headers['content-type']).toContain('application/problem+json');
  expect(missing.body).toMatchObject({ code: 'migration.unknown_target_step', errors: [{ path: 'stepMapping.review', message: expect.stringContaining('"review"') }] });

  const unknownSource = await migrate(key, { fromVersion: 1, toVersion: v2, stepMapping: { nowhere: 'accept' }, dryRun: true }, 422);
  expect(unknownSource.body.code).toBe('migration.unknown_source_step');

  const kinds = await migrate(key, { fromVersion: 1, toVersion: v2, stepMapping: { review: 'issue' }, dryRun: true }, 422);
  expect(kinds.body.code).toBe('migration.incompatible_step');

  expect((await migrate(key, { fromVersion: 99, toVersion: v2, stepMapping: {}, dryRun: true }, 404)).body.code).toBe('workflow.version_not_found');
  // An unknown workflow is 404 whatever the body: existence is checked before the versions are compared.
  expect((await migrate('no-such-workflow', { fromVersion: 1, toVersion: 1, stepMapping: {}, dryRun: true }, 404)).body.code).toBe('workflow.version_not_found');
  expect((await migrate(key, { fromVersion: v2, toVersion: v2, stepMapping: {}, dryRun: true }, 422)).body.code).toBe('migration.same_version');
  // A draft is no target, and the superseded version 1 is no target either.
  const current = (await system.http().get(`/api/workflows/${key}/versions/${v2}`).set(auth(admin)).expect(200)).body;
  const draft = (await system.http().post('/api/workflows').set(auth(admin)).send(current).expect(201)).body.version as number;
  const toDraft = await migrate(key, { fromVersion: 1, toVersion: draft, stepMapping: {}, dryRun: true }, 422);
  expect(toDraft.body).toMatchObject({ code: 'migration.version_not_published', errors: [{ path: 'toVersion' }] });
  expect((await migrate(key, { fromVersion: v2, toVersion: 1, stepMapping: {}, dryRun: true }, 422)).body.code).toBe('migration.version_not_published');

  const invalid = await migrate(key, { fromVersion: 1, toVersion: v2, stepMapping: { review: 7 } }, 400);
  expect(invalid.body.code).toBe('validation.failed');
  // Only admins move cases.
  await system.http().post(`/api/workflows/${key}/migrations`).set(auth(supervisor)).send({ fromVersion: 1, toVersion: v2, stepMapping: {} }).expect(403);
});

it('leaves a case in a 联办 fan-out where it is, with the reason', async () => {
  const participants = ['fire-rescue', 'health'];
  const joint = { id: 'joint', type: 'joint', participants, join: 'all', outcomes: { approve: 'issue', reject: 'end:rejected' } };
  const code = await itemWithSteps(system, admin, 'migjoint', [{ ...ACCEPT, outcomes: { ...ACCEPT.outcomes, accept: 'joint' } }, joint, ISSUE]);
  const key = (await serviceItem(system, code)).workflowKey;
  const id = await apply(code);
  await decide(system, 'market-regulation', (await waitForTask(system, 'market-regulation', id, 'accept')).id, { action: 'accept' });
  await waitForTask(system, 'health', id, 'joint');
  const v2 = await publish(key, [{ ...ACCEPT, outcomes: { ...ACCEPT.outcomes, accept: 'joint' } }, { ...joint, join: 'any' }, ISSUE]);

  const { body } = await migrate(key, { fromVersion: 1, toVersion: v2, stepMapping: { joint: 'joint' } });
  expect(body.results).toEqual([expect.objectContaining({ caseId: id, status: 'refused', fromStep: 'joint', problem: expect.objectContaining({ code: 'migration.joint_in_flight' }) })]);
  expect((await view(id)).workflow).toEqual({ key, version: 1 });
});

it('refuses a case that changed while it was being moved (optimistic lock), and still moves the others', async () => {
  const { key, atAccept, atReview } = await casesOnVersionOne();
  const v2 = await publish(key, V2);
  // Another change of `atReview` holds its row: the migration reads the old version, waits, then finds it changed.
  const runner = system.app.get(DataSource).createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await runner.query('UPDATE case_record SET version = version + 1 WHERE id = $1', [atReview]);
    const answer = migrate(key, { fromVersion: 1, toVersion: v2, stepMapping: { accept: 'accept', review: 'health-check' } }).then((r) => r.body);
    // Commit only once the migration waits for the row (it read the case before this change committed).
    const waiting = async () => (await system.app.get(DataSource).query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE 'UPDATE "case_record"%'`))[0].n as number;
    await expect.poll(waiting, { timeout: 15_000, interval: 50 }).toBeGreaterThan(0);
    await runner.commitTransaction();
    const body = await answer;
    expect(body.results).toEqual([
      expect.objectContaining({ caseId: atAccept, status: 'moved' }),
      expect.objectContaining({ caseId: atReview, status: 'refused', problem: expect.objectContaining({ code: 'case.concurrent_change' }) }),
    ]);
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
  // Nothing of the refused move stayed: its review task is still open on version 1.
  expect((await view(atReview)).workflow).toEqual({ key, version: 1 });
  expect((await openTasksOf(system, 'market-regulation', atReview)).map((t) => t.stepId)).toEqual(['review']);
  expect(await openTasksOf(system, 'health', atReview)).toEqual([]);
});
