import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { JointApprovalJobs } from '../src/joint-approval/joint-approval.jobs.js';
import { requiredMaterials, serviceItem } from './support/applicant.js';
import { auth, clerkOf, decide, waitForTask } from './support/drive.js';
import { PARTICIPANTS, itemWithJoint, submitAndAccept } from './support/joint-item.js';
import { ThrowawayRedis } from './support/throwaway-redis.js';
import { SEED_PASSWORD, startTestSystem, TEST_KEYS, type TestSystem } from './support/system.js';

/**
 * A decision while workers die: 200, or a retryable answer (409 when the case moved, 503 with Retry-After
 * when the database undid a raced transaction or a connection dropped), never a 500. Sent again after a
 * 503 until it is decided.
 */
async function decideThroughFaults(system: TestSystem, department: string, taskId: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 10; attempt++) {
    const response = await system
      .http()
      .post(`/api/tasks/${encodeURIComponent(taskId)}/decision`)
      .set(auth(await clerkOf(system, department)))
      .send({ action: 'approve' });
    statuses.push(response.status);
    expect([200, 409, 503], `answer ${response.status}: ${JSON.stringify(response.body)}`).toContain(response.status);
    if (response.status !== 503) break;
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1_000 * Number(response.headers['retry-after'])));
  }
  expect(statuses.at(-1)).toBe(200);
  return statuses;
}

/** Exactly one task per participant, each decided once, one approval each in the history, one licence. */
async function expectCompletedOnce(db: DataSource, caseId: string): Promise<void> {
  const tasks: { department_code: string; status: string }[] = await db.query(
    `SELECT department_code, status FROM case_task WHERE case_id = $1 AND step_id = 'joint' ORDER BY department_code`,
    [caseId],
  );
  expect(tasks).toEqual(PARTICIPANTS.map((d) => ({ department_code: d, status: 'completed' })));
  const approvals = await db.query(`SELECT count(*)::int AS n FROM case_history WHERE case_id = $1 AND action = 'approve'`, [caseId]);
  expect(approvals[0].n).toBe(3);
  expect((await db.query(`SELECT count(*)::int AS n FROM certificate WHERE case_id = $1`, [caseId]))[0].n).toBe(1);
  expect((await db.query(`SELECT status FROM case_record WHERE id = $1`, [caseId]))[0].status).toBe('approved');
}

describe('the same job delivered twice', () => {
  let system: TestSystem | undefined;
  afterAll(async () => system?.stopAll());

  it('changes nothing the second time', async () => {
    system = await startTestSystem('single-server');
    const [admin, citizen] = await Promise.all(['admin', 'citizen1'].map((u) => system!.login(u)));
    const caseId = await submitAndAccept(system, citizen, await itemWithJoint(system, admin));
    const tasks = await Promise.all(PARTICIPANTS.map((d) => waitForTask(system!, d, caseId, 'joint')));
    const jobs = system.app.get(JointApprovalJobs);
    const db = system.app.get(DataSource);
    const cls = system.app.get((await import('nestjs-cls')).ClsService);
    expect(await cls.run(() => jobs.fanOut({ caseId, stepId: 'joint' }))).toBe(0);

    await decide(system, 'fire-rescue', tasks[0]!.id, { action: 'approve' });
    await expect.poll(async () => (await db.query(`SELECT status FROM case_task WHERE id = $1`, [tasks[0]!.id]))[0].status, { timeout: 10_000 }).toBe('completed');
    const historyBefore = (await db.query(`SELECT count(*)::int AS n FROM case_history WHERE case_id = $1`, [caseId]))[0].n;
    expect(await cls.run(() => jobs.applyDecision({ taskId: tasks[0]!.id }))).toBe('skipped');
    expect((await db.query(`SELECT count(*)::int AS n FROM case_history WHERE case_id = $1`, [caseId]))[0].n).toBe(historyBefore);
  });
});

describe('Redis stopped while applications are submitted and decided', () => {
  const state: { redis?: ThrowawayRedis; system?: TestSystem } = {};
  afterAll(async () => {
    await state.system?.stopAll();
    await state.redis?.stop();
  });

  it('loses nothing: the outbox drains when Redis returns and every joint step completes once', async () => {
    state.redis = await ThrowawayRedis.start();
    const system = (state.system = await startTestSystem('production', { REDIS_URL: state.redis.url }));
    const [admin, citizen] = await Promise.all(['admin', 'citizen1'].map((u) => system.login(u)));
    const code = await itemWithJoint(system, admin);
    const caseId = await submitAndAccept(system, citizen, code);
    const tasks = await Promise.all(PARTICIPANTS.map((d) => waitForTask(system, d, caseId, 'joint')));

    await state.redis.stop();
    // While Redis is away: another application is submitted and accepted, and the joint decisions are made.
    const second = await system
      .http()
      .post('/api/cases')
      .set(auth(citizen))
      .send({ serviceItemCode: code, form: { shopName: '福顺' }, materials: await requiredMaterials(system, citizen, await serviceItem(system, code)) })
      .expect(201);
    for (const [index, department] of PARTICIPANTS.entries()) await decide(system, department, tasks[index]!.id, { action: 'approve' });
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const db = system.app.get(DataSource);
    expect((await db.query(`SELECT count(*)::int AS n FROM outbox_message WHERE relayed_at IS NULL`))[0].n).toBeGreaterThan(0);
    expect((await db.query(`SELECT status FROM case_record WHERE id = $1`, [caseId]))[0].status).not.toBe('approved');

    await state.redis.up();
    await expect.poll(async () => (await db.query(`SELECT status FROM case_record WHERE id = $1`, [caseId]))[0].status, { timeout: 30_000 }).toBe('approved');
    await expectCompletedOnce(db, caseId);
    const accept = await waitForTask(system, 'market-regulation', second.body.id, 'accept');
    expect(accept.stepId).toBe('accept');
  });
});

describe('a worker process killed with SIGKILL in the middle of fan-outs and joins', () => {
  const state: { system?: TestSystem; workers: ChildProcess[] } = { workers: [] };
  afterAll(async () => {
    for (const worker of state.workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await state.system?.stopAll();
  });

  function startWorker(env: Record<string, string>): ChildProcess {
    const worker = spawn(process.execPath, [join(process.cwd(), 'dist/src/main.js')], {
      env: { PATH: process.env.PATH ?? '', ...env, ROLE: 'worker', LOG_LEVEL: 'warn', NODE_ENV: 'test', SEED_PASSWORD },
      stdio: 'ignore',
    });
    state.workers.push(worker);
    return worker;
  }

  it.each(['production', 'single-server'] as const)('completes every joint step exactly once (%s)', async (mode) => {
    const queuePrefix = `kill-${randomUUID().slice(0, 8)}`;
    // This process serves the API only; two separate worker processes do the jobs.
    const system = (state.system = await startTestSystem(mode, { ROLE: 'api', QUEUE_PREFIX: queuePrefix }));
    // The keys of the API process: a worker with others could not read, nor write for, the same database.
    const env = { DATABASE_URL: inject('databaseUrl'), QUEUE_PREFIX: queuePrefix, DATA_DIR: `/tmp/ywtb-worker-${queuePrefix}`, ...TEST_KEYS, ...(mode === 'production' ? { REDIS_URL: inject('redisUrl') } : {}) };
    const doomed = startWorker(env);
    startWorker(env);
    const [admin, citizen] = await Promise.all(['admin', 'citizen1'].map((u) => system.login(u)));
    const code = await itemWithJoint(system, admin);

    const caseIds = await Promise.all(Array.from({ length: 4 }, () => submitAndAccept(system, citizen, code)));
    const tasks = await Promise.all(caseIds.map((id) => Promise.all(PARTICIPANTS.map((d) => waitForTask(system, d, id, 'joint')))));
    const decisions = tasks.flatMap((caseTasks) => caseTasks.map((task, index) => decideThroughFaults(system, PARTICIPANTS[index]!, task.id)));
    await Promise.all(decisions.slice(0, 6));
    doomed.kill('SIGKILL');
    await Promise.all(decisions.slice(6));
    startWorker(env);

    const db = system.app.get(DataSource);
    for (const id of caseIds) {
      await expect.poll(async () => (await db.query(`SELECT status FROM case_record WHERE id = $1`, [id]))[0].status, { timeout: 150_000, interval: 250 }).toBe('approved');
      await expectCompletedOnce(db, id);
    }
    await system.stopAll();
    state.system = undefined;
    for (const worker of state.workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGTERM');
    state.workers = [];
  }, 400_000);
});
