import { randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RiskScanService } from '../src/risk-monitor/risk-scan.service.js';
import { upload } from './support/applicant.js';
import { auth } from './support/drive.js';
import { serviceItemBody } from './support/security-fixtures.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * Issue #19, staff tools: assigning a task to a named clerk, substitutes (代岗), bulk work and the
 * workload view, through the HTTP API with their refusals. The department is one no other test file works
 * in, and its clerks here are made by this file, so the counts below are this file's alone.
 */

const DEPARTMENT = 'housing-construction';
const PASSWORD = 'Staff-tools-2026!';

let system: TestSystem;
let citizen: string;
let supervisor: string;
let admin: string;
let otherClerk: string;
let itemCode: string;

interface Staff {
  id: string;
  token: string;
  displayName: string;
}
let clerkA: Staff;
let clerkB: Staff;
let clerkC: Staff;
let foreignClerk: Staff;
let otherSupervisor: Staff;
let ownSupervisor: Staff;

async function staff(roles: string[], departmentCode: string | null, disabled = false): Promise<Staff> {
  const username = `st.${randomUUID().slice(0, 8)}`;
  const displayName = `员工${username.slice(3, 7)}`;
  const { body } = await system.http().post('/api/users').set(auth(admin)).send({ username, password: PASSWORD, roles, departmentCode, displayName }).expect(201);
  const token = disabled ? '' : await system.login(username, PASSWORD);
  if (disabled) await system.http().patch(`/api/users/${body.id}`).set(auth(admin)).send({ disabled: true }).expect(200);
  return { id: body.id, token, displayName };
}

beforeAll(async () => {
  system = await startTestSystem('single-server');
  [citizen, supervisor, admin, otherClerk] = await Promise.all(['citizen1', 'supervisor', 'admin', 'clerk.civil-affairs'].map((u) => system.login(u)));
  [clerkA, clerkB, clerkC, foreignClerk, otherSupervisor, ownSupervisor] = await Promise.all([
    staff(['clerk'], DEPARTMENT),
    staff(['clerk'], DEPARTMENT),
    staff(['clerk'], DEPARTMENT),
    staff(['clerk'], 'civil-affairs'),
    staff(['supervisor'], 'civil-affairs'),
    staff(['supervisor'], DEPARTMENT),
  ]);
  const workflowKey = `st-${randomUUID().slice(0, 8)}`;
  itemCode = `ST-${randomUUID().slice(0, 8)}`;
  await system.http().post('/api/service-items').set(auth(admin)).send({ ...serviceItemBody(itemCode, workflowKey), departmentCode: DEPARTMENT }).expect(201);
  const definition = {
    key: workflowKey,
    name: '代岗测试流程',
    serviceItem: itemCode,
    limits: { statutoryDays: 20, promisedDays: 10 },
    steps: [
      { id: 'accept', type: 'review', queue: { department: DEPARTMENT, role: 'clerk' }, outcomes: { accept: 'review', correction: 'accept', refuse: 'end:refused' } },
      { id: 'review', type: 'review', queue: { department: DEPARTMENT, role: 'clerk' }, outcomes: { approve: 'end:approved', reject: 'end:rejected' } },
    ],
  };
  const { body: version } = await system.http().post('/api/workflows').set(auth(admin)).send(definition).expect(201);
  await system.http().post(`/api/workflows/${workflowKey}/versions/${version.version}/publish`).set(auth(admin)).expect(200);
}, 120_000);

afterAll(async () => {
  await system?.stopAll();
});

interface Task {
  id: string;
  caseId: string;
  stepId: string;
  status: string;
  claimedBy: string | null;
  claimedByName: string | null;
  leaseUntil: string | null;
  onBehalfOf: string | null;
}

/** A new case of this file's item, and its open 受理 task. */
async function newTask(): Promise<Task> {
  const fileId = await upload(system, citizen, 'idCard');
  const { body: created } = await system.http().post('/api/cases').set(auth(citizen)).send({ serviceItemCode: itemCode, form: { shopName: '福顺家常菜' }, materials: [{ key: 'idCard', fileId }] }).expect(201);
  let found: Task | undefined;
  await expect
    .poll(async () => {
      const { body } = await system.http().get(`/api/tasks?caseId=${created.id}`).set(auth(clerkA.token)).expect(200);
      found = (body.items as Task[]).find((t) => t.status === 'open' || t.status === 'claimed');
      return found !== undefined;
    }, { timeout: 20_000, interval: 100 })
    .toBe(true);
  return found!;
}

const post = (token: string, url: string, body: object = {}) => system.http().post(url).set(auth(token)).send(body);
const taskUrl = (id: string, action: string) => `/api/tasks/${encodeURIComponent(id)}/${action}`;

async function taskAs(token: string, id: string): Promise<Task> {
  return (await system.http().get(`/api/tasks/${encodeURIComponent(id)}`).set(auth(token)).expect(200)).body;
}

async function timelineOf(caseId: string): Promise<{ actor: string; action: string; comment: string | null; onBehalfOf: string | null }[]> {
  return (await system.http().get(`/api/cases/${caseId}`).set(auth(supervisor)).expect(200)).body.timeline;
}

function expectProblem(response: { status: number; headers: Record<string, string>; body: { code: string; errors?: { path: string }[] } }, status: number, code: string | null, paths?: string[]) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (code) expect(response.body.code).toBe(code);
  if (paths) expect([...new Set(response.body.errors?.map((e) => e.path))]).toEqual(paths);
}

describe('assign (POST /api/tasks/:id/assign)', () => {
  it('claims the task for the named clerk of its department, for good; the clerk is notified; the history says who assigned it', async () => {
    const task = await newTask();
    const { body } = await post(supervisor, taskUrl(task.id, 'assign'), { userId: clerkB.id }).expect(200);
    expect(body).toMatchObject({ id: task.id, status: 'claimed', claimedBy: clerkB.id, claimedByName: clerkB.displayName, leaseUntil: null });

    // Now it is clerk B's: a colleague can neither claim nor decide it.
    expectProblem(await post(clerkA.token, taskUrl(task.id, 'claim')), 409, 'task.claimed_by_other');
    expectProblem(await post(clerkA.token, taskUrl(task.id, 'decision'), { action: 'accept' }), 409, 'task.claimed_by_other');

    await expect
      .poll(async () => {
        const { body: inbox } = await system.http().get('/api/my/notifications').set(auth(clerkB.token)).expect(200);
        return (inbox.items as { template: string; caseId: string | null }[]).some((n) => n.template === 'task.assigned' && n.caseId === task.caseId);
      }, { timeout: 10_000 })
      .toBe(true);
    const assigned = (await timelineOf(task.caseId)).find((row) => row.action === 'assign');
    expect(assigned).toMatchObject({ actor: '郑红', comment: `指派给 ${clerkB.displayName}` });

    // A supervisor of the department, and an admin, may reassign it.
    await post(ownSupervisor.token, taskUrl(task.id, 'assign'), { userId: clerkC.id }).expect(200);
    await post(admin, taskUrl(task.id, 'assign'), { userId: clerkA.id }).expect(200);
    await post(clerkA.token, taskUrl(task.id, 'decision'), { action: 'accept' }).expect(200);
  });

  it('refuses a clerk of another department, a non-clerk, an inactive clerk, a decided task, and callers who do not supervise the department', async () => {
    const task = await newTask();
    expectProblem(await post(supervisor, taskUrl(task.id, 'assign'), { userId: foreignClerk.id }), 400, 'task.assignee_other_department', ['userId']);
    expectProblem(await post(supervisor, taskUrl(task.id, 'assign'), { userId: ownSupervisor.id }), 400, 'task.assignee_not_clerk', ['userId']);
    const inactive = await staff(['clerk'], DEPARTMENT, true);
    expectProblem(await post(supervisor, taskUrl(task.id, 'assign'), { userId: inactive.id }), 400, 'task.assignee_not_clerk', ['userId']);
    expectProblem(await post(supervisor, taskUrl(task.id, 'assign'), { userId: randomUUID() }), 400, 'task.assignee_not_clerk', ['userId']);
    expectProblem(await post(supervisor, taskUrl(task.id, 'assign'), { userId: 'nobody' }), 400, null, ['userId']);
    expectProblem(await post(otherSupervisor.token, taskUrl(task.id, 'assign'), { userId: clerkA.id }), 403, 'task.not_supervisor');
    expectProblem(await post(clerkA.token, taskUrl(task.id, 'assign'), { userId: clerkA.id }), 403, null);
    expectProblem(await post(supervisor, taskUrl(`${randomUUID()}:task:1`, 'assign'), { userId: clerkA.id }), 404, 'task.not_found');
    // None of the refusals touched the task.
    expect(await taskAs(clerkA.token, task.id)).toMatchObject({ status: 'open', claimedBy: null });

    await post(clerkA.token, taskUrl(task.id, 'decision'), { action: 'accept' }).expect(200);
    expectProblem(await post(supervisor, taskUrl(task.id, 'assign'), { userId: clerkB.id }), 409, 'task.closed');
  });
});

describe('bulk (POST /api/tasks/bulk)', () => {
  it('applies or refuses each task on its own: a task held by a colleague or already decided does not undo the others', async () => {
    const [t1, t2, held, decided] = await Promise.all([newTask(), newTask(), newTask(), newTask()]);
    await post(supervisor, taskUrl(held.id, 'assign'), { userId: clerkB.id }).expect(200);
    await post(clerkC.token, taskUrl(decided.id, 'decision'), { action: 'accept' }).expect(200);

    const { body: claimed } = await post(clerkA.token, '/api/tasks/bulk', { action: 'claim', taskIds: [t1.id, held.id, t2.id] }).expect(200);
    expect(claimed.results).toEqual([
      { taskId: t1.id, status: 'applied' },
      { taskId: held.id, status: 'refused', problem: expect.objectContaining({ status: 409, code: 'task.claimed_by_other' }) },
      { taskId: t2.id, status: 'applied' },
    ]);
    expect((await taskAs(clerkA.token, t1.id)).claimedBy).toBe(clerkA.id);

    const { body: accepted } = await post(clerkA.token, '/api/tasks/bulk', { action: 'decide', taskIds: [t1.id, decided.id, t2.id], decision: { action: 'accept', comment: '批量受理' } }).expect(200);
    expect(accepted.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'refused', 'applied']);
    expect(accepted.results[1].problem).toMatchObject({ status: 409, code: 'task.closed' });
    for (const task of [t1, t2]) {
      const { body } = await system.http().get(`/api/cases/${task.caseId}`).set(auth(supervisor)).expect(200);
      expect(body.status).not.toBe('submitted');
      expect(body.timeline.some((row: { action: string; comment: string | null }) => row.action === 'accept' && row.comment === '批量受理')).toBe(true);
    }

    const [r1, r2] = await Promise.all([newTask(), newTask()]);
    await post(clerkA.token, '/api/tasks/bulk', { action: 'claim', taskIds: [r1.id, r2.id] }).expect(200);
    const { body: released } = await post(clerkA.token, '/api/tasks/bulk', { action: 'release', taskIds: [r1.id, r2.id, held.id] }).expect(200);
    expect(released.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'refused']);
    expect((await taskAs(clerkA.token, r1.id)).status).toBe('open');

    const { body: assigned } = await post(supervisor, '/api/tasks/bulk', { action: 'assign', taskIds: [r1.id, r2.id, decided.id], userId: clerkC.id }).expect(200);
    expect(assigned.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied', 'refused']);
    expect((await taskAs(clerkC.token, r2.id)).claimedBy).toBe(clerkC.id);
  });

  it('refuses a request that is wrong as a whole, with the field at fault', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `${randomUUID()}:task:${i}`);
    expectProblem(await post(clerkA.token, '/api/tasks/bulk', { action: 'claim', taskIds: ids }), 400, null, ['taskIds']);
    expectProblem(await post(clerkA.token, '/api/tasks/bulk', { action: 'claim', taskIds: [] }), 400, null, ['taskIds']);
    expectProblem(await post(clerkA.token, '/api/tasks/bulk', { action: 'claim', taskIds: ['x:task:1', 'x:task:1'] }), 400, 'task.bulk_repeated', ['taskIds']);
    expectProblem(await post(clerkA.token, '/api/tasks/bulk', { action: 'smash', taskIds: ['x:task:1'] }), 400, null, ['action']);
    expectProblem(await post(supervisor, '/api/tasks/bulk', { action: 'assign', taskIds: ['x:task:1'] }), 400, 'task.bulk_needs_user', ['userId']);
    expectProblem(await post(clerkA.token, '/api/tasks/bulk', { action: 'decide', taskIds: ['x:task:1'] }), 400, 'task.bulk_needs_decision', ['decision']);
    expectProblem(await post(clerkA.token, '/api/tasks/bulk', { action: 'assign', taskIds: ['x:task:1'], userId: clerkB.id }), 403, 'task.not_supervisor');
    expectProblem(await post(citizen, '/api/tasks/bulk', { action: 'claim', taskIds: ['x:task:1'] }), 403, null);
    // A task of another department is as good as missing, for that task alone.
    const task = await newTask();
    const { body } = await post(otherClerk, '/api/tasks/bulk', { action: 'claim', taskIds: [task.id] }).expect(200);
    expect(body.results[0]).toMatchObject({ status: 'refused', problem: { status: 404, code: 'task.not_found' } });
  });
});

describe('substitutes (PUT/GET/DELETE /api/my/substitute)', () => {
  const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

  it('in the window the substitute sees and works the absent clerk’s held tasks, and the history records on whose behalf', async () => {
    const [assigned, claimed] = await Promise.all([newTask(), newTask()]);
    await post(supervisor, taskUrl(assigned.id, 'assign'), { userId: clerkB.id }).expect(200);
    await post(clerkB.token, taskUrl(claimed.id, 'claim')).expect(200);

    // Without a substitution, clerk B's tasks are B's alone.
    expectProblem(await post(clerkA.token, taskUrl(assigned.id, 'decision'), { action: 'accept' }), 409, 'task.claimed_by_other');

    const { body: set } = await system.http().put('/api/my/substitute').set(auth(clerkB.token)).send({ userId: clerkA.id, from: hours(-1), to: hours(24) }).expect(200);
    expect(set.mine).toMatchObject({ userId: clerkA.id, userName: clerkA.displayName, active: true });
    const { body: covering } = await system.http().get('/api/my/substitute').set(auth(clerkA.token)).expect(200);
    expect(covering.covering).toEqual([expect.objectContaining({ absentId: clerkB.id, absentName: clerkB.displayName, active: true })]);
    expect(covering.colleagues).toEqual(expect.arrayContaining([{ id: clerkB.id, displayName: clerkB.displayName }]));
    expect(covering.colleagues.map((c: { id: string }) => c.id)).not.toContain(clerkA.id);
    expect(covering.colleagues.map((c: { id: string }) => c.id)).not.toContain(foreignClerk.id);

    const { body: queue } = await system.http().get('/api/tasks?covering=true&limit=200').set(auth(clerkA.token)).expect(200);
    const ids = (queue.items as Task[]).map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining([assigned.id, claimed.id]));
    expect((queue.items as Task[]).every((t) => t.onBehalfOf === clerkB.id)).toBe(true);
    expect(await taskAs(clerkA.token, assigned.id)).toMatchObject({ claimedBy: clerkB.id, onBehalfOf: clerkB.id });
    // Others of the department do not stand in for B.
    expectProblem(await post(clerkC.token, taskUrl(assigned.id, 'decision'), { action: 'accept' }), 409, 'task.claimed_by_other');

    await post(clerkA.token, taskUrl(assigned.id, 'decision'), { action: 'accept', comment: '代岗受理' }).expect(200);
    const row = (await timelineOf(assigned.caseId)).find((r) => r.action === 'accept');
    expect(row).toMatchObject({ actor: clerkA.displayName, onBehalfOf: clerkB.displayName, comment: '代岗受理' });
    await post(clerkA.token, taskUrl(claimed.id, 'release')).expect(200);

    // The absence ends: B's tasks are B's alone again.
    const later = await newTask();
    await post(clerkB.token, taskUrl(later.id, 'claim')).expect(200);
    await system.http().delete('/api/my/substitute').set(auth(clerkB.token)).expect(204);
    expect((await system.http().get('/api/my/substitute').set(auth(clerkB.token)).expect(200)).body.mine).toBeNull();
    expectProblem(await post(clerkA.token, taskUrl(later.id, 'decision'), { action: 'accept' }), 409, 'task.claimed_by_other');

    // A window that has not begun yet gives nothing either.
    await system.http().put('/api/my/substitute').set(auth(clerkB.token)).send({ userId: clerkA.id, from: hours(24), to: hours(48) }).expect(200);
    expectProblem(await post(clerkA.token, taskUrl(later.id, 'decision'), { action: 'accept' }), 409, 'task.claimed_by_other');
    const { body: none } = await system.http().get('/api/tasks?covering=true').set(auth(clerkA.token)).expect(200);
    expect(none.items).toEqual([]);
    await system.http().delete('/api/my/substitute').set(auth(clerkB.token)).expect(204);
  });

  it('refuses oneself, a clerk of another department, a non-clerk, an empty window and overlapping absences', async () => {
    const put = (who: Staff, body: object) => system.http().put('/api/my/substitute').set(auth(who.token)).send(body);
    expectProblem(await put(clerkC, { userId: clerkC.id, from: hours(1), to: hours(2) }), 400, 'substitute.self', ['userId']);
    expectProblem(await put(clerkC, { userId: foreignClerk.id, from: hours(1), to: hours(2) }), 400, 'substitute.other_department', ['userId']);
    expectProblem(await put(clerkC, { userId: ownSupervisor.id, from: hours(1), to: hours(2) }), 400, 'substitute.not_a_clerk', ['userId']);
    expectProblem(await put(clerkC, { userId: clerkA.id, from: hours(2), to: hours(2) }), 400, 'substitute.window', ['to']);
    expectProblem(await put(clerkC, { userId: clerkA.id, from: hours(3), to: hours(2) }), 400, 'substitute.window', ['to']);
    expectProblem(await put(clerkC, { userId: clerkA.id, from: 'tomorrow', to: hours(2) }), 400, null, ['from']);
    expectProblem(await system.http().put('/api/my/substitute').set(auth(supervisor)).send({ userId: clerkA.id, from: hours(1), to: hours(2) }), 403, null);

    // C is away from +100h to +110h, covered by A.
    await put(clerkC, { userId: clerkA.id, from: hours(100), to: hours(110) }).expect(200);
    // A cannot go away while covering C, and nobody may name C while C is away.
    expectProblem(await put(clerkA, { userId: clerkB.id, from: hours(105), to: hours(120) }), 409, 'substitute.overlapping');
    expectProblem(await put(clerkB, { userId: clerkC.id, from: hours(90), to: hours(101) }), 409, 'substitute.overlapping');
    // Back to back is not overlapping.
    await put(clerkA, { userId: clerkB.id, from: hours(110), to: hours(120) }).expect(200);
    await system.http().delete('/api/my/substitute').set(auth(clerkA.token)).expect(204);
    await system.http().delete('/api/my/substitute').set(auth(clerkC.token)).expect(204);
  });
});

describe('workload (GET /api/tasks/workload)', () => {
  it('shows each clerk of the department with the tasks they hold and how many are overdue, to its supervisors', async () => {
    const fresh = await staff(['clerk'], DEPARTMENT);
    const [a, b] = await Promise.all([newTask(), newTask()]);
    await post(supervisor, '/api/tasks/bulk', { action: 'assign', taskIds: [a.id, b.id], userId: fresh.id }).expect(200);
    const { body } = await system.http().get(`/api/tasks/workload?departmentCode=${DEPARTMENT}`).set(auth(supervisor)).expect(200);
    expect(body.departmentCode).toBe(DEPARTMENT);
    expect(body.clerks.find((c: { userId: string }) => c.userId === fresh.id)).toEqual({ userId: fresh.id, username: expect.any(String), displayName: fresh.displayName, claimed: 2, overdue: 0, absent: false });
    expect(body.open).toEqual(expect.any(Number));
    // The department's tasks come with it, to assign from.
    expect(body.tasks.filter((t: Task) => t.id === a.id || t.id === b.id)).toEqual([
      expect.objectContaining({ claimedBy: fresh.id, claimedByName: fresh.displayName }),
      expect.objectContaining({ claimedBy: fresh.id, claimedByName: fresh.displayName }),
    ]);
    // Disabled clerks are not listed; a supervisor of the department needs no parameter.
    const { body: own } = await system.http().get('/api/tasks/workload').set(auth(ownSupervisor.token)).expect(200);
    expect(own.clerks.map((c: { userId: string }) => c.userId)).toEqual(expect.arrayContaining([clerkA.id, clerkB.id, clerkC.id, fresh.id]));

    // Overdue, by the database's clock.
    await system.app.get(DataSource).query(`UPDATE case_task SET due_at = now() - interval '1 day' WHERE id = $1`, [a.id]);
    const { body: late } = await system.http().get(`/api/tasks/workload?departmentCode=${DEPARTMENT}`).set(auth(admin)).expect(200);
    expect(late.clerks.find((c: { userId: string }) => c.userId === fresh.id)).toMatchObject({ claimed: 2, overdue: 1 });

    expectProblem(await system.http().get(`/api/tasks/workload?departmentCode=${DEPARTMENT}`).set(auth(otherSupervisor.token)), 403, 'task.not_supervisor');
    expectProblem(await system.http().get('/api/tasks/workload').set(auth(supervisor)), 400, 'task.department_required', ['departmentCode']);
    expectProblem(await system.http().get('/api/tasks/workload?departmentCode=no-such').set(auth(supervisor)), 400, 'task.unknown_department', ['departmentCode']);
    expectProblem(await system.http().get(`/api/tasks/workload?departmentCode=${DEPARTMENT}`).set(auth(clerkA.token)), 403, null);
  });
});

describe('auto-reassignment on escalation (RISK_AUTO_REASSIGN)', () => {
  /**
   * Makes `task` overdue, lets a scan flag it, ages the flag past both escalation levels, and scans again —
   * in `on`'s own process (the queue is shared with the other systems of the run, whose workers would
   * otherwise take the job with their own settings).
   */
  async function escalate(on: TestSystem, task: Task): Promise<void> {
    const db = on.app.get(DataSource);
    await db.query(`UPDATE case_task SET due_at = now() - interval '30 days' WHERE id = $1`, [task.id]);
    const scan = async () => {
      const result = await on.app.get(ClsService).run(() => on.app.get(RiskScanService).onScan({ scanId: null }));
      expect(result).not.toBe('skipped');
    };
    await scan();
    const flagged = await db.query(`UPDATE risk_flag SET detected_at = now() - interval '30 days' WHERE task_id = $1 AND status = 'open' RETURNING id`, [task.id]);
    expect(flagged.length).toBeGreaterThan(0);
    await scan();
    const [{ level }] = await db.query(`SELECT max(escalation_level)::int AS level FROM risk_flag WHERE task_id = $1`, [task.id]);
    expect(level).toBe(2);
  }

  it('is off by default: an escalated task stays where it is', async () => {
    const task = await newTask();
    await escalate(system, task);
    expect(await taskAs(clerkA.token, task.id)).toMatchObject({ status: 'open', claimedBy: null });
    expect((await timelineOf(task.caseId)).some((row) => row.action === 'assign')).toBe(false);
  });

  it('when configured, gives an escalated task to the least-loaded clerk of its department who is not away, and records it', async () => {
    const auto = await startTestSystem('single-server', { RISK_AUTO_REASSIGN: 'true' });
    try {
      const task = await newTask();
      // The least loaded would be clerk C, but C is away now (with A standing in): C is skipped.
      await system.http().put('/api/my/substitute').set(auth(clerkC.token)).send({ userId: clerkA.id, from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() }).expect(200);
      const { body: before } = await system.http().get(`/api/tasks/workload?departmentCode=${DEPARTMENT}`).set(auth(supervisor)).expect(200);
      const present = (before.clerks as { userId: string; username: string; claimed: number; absent: boolean }[]).filter((c) => !c.absent);
      const least = Math.min(...present.map((c) => c.claimed));
      const expected = present.filter((c) => c.claimed === least).sort((a, b) => (a.username < b.username ? -1 : 1))[0]!;
      expect(present.some((c) => c.userId === clerkC.id)).toBe(false);

      await escalate(auto, task);
      expect(await taskAs(clerkA.token, task.id)).toMatchObject({ status: 'claimed', claimedBy: expected.userId, leaseUntil: null });
      const row = (await timelineOf(task.caseId)).find((r) => r.action === 'assign');
      expect(row).toMatchObject({ actor: 'system', comment: expect.stringContaining('督办') });
    } finally {
      await system.http().delete('/api/my/substitute').set(auth(clerkC.token)).expect(204);
      await auto.stopAll();
    }
  });
});
