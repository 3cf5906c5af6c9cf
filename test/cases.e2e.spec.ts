import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem, upload } from './support/applicant.js';
import { startTestSystem, type TestSystem } from './support/system.js';

let system: TestSystem;
let citizen1: string;
let citizen2: string;
let market: string;
let fire: string;
let supervisor: string;

beforeAll(async () => {
  system = await startTestSystem('single-server', { TASK_LEASE_SECONDS: '2' });
  [citizen1, citizen2, market, fire, supervisor] = await Promise.all(
    ['citizen1', 'citizen2', 'clerk.market-regulation', 'clerk.fire-rescue', 'supervisor'].map((u) => system.login(u)),
  );
});

afterAll(async () => {
  await system?.stopAll();
});

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

interface TaskView {
  id: string;
  caseId: string;
  stepId: string;
  allowedActions: string[];
  dueAt: string | null;
}

async function taskOf(token: string, caseId: string, stepId?: string): Promise<TaskView> {
  let found: TaskView | undefined;
  await expect
    .poll(
      async () => {
        const { body } = await system.http().get(`/api/tasks?caseId=${caseId}`).set(auth(token)).expect(200);
        found = (body.items as TaskView[]).find((t) => stepId === undefined || t.stepId === stepId);
        return found !== undefined;
      },
      { timeout: 15_000, interval: 100 },
    )
    .toBe(true);
  return found!;
}

/** The SQL statements the program ran while `action` ran with `value` among their parameters. */
async function statementsWith<T>(value: string, action: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const dataSource = system.app.get(DataSource);
  const runner = dataSource.createQueryRunner();
  const prototype = Object.getPrototypeOf(runner) as { query: (sql: string, parameters?: unknown[]) => Promise<unknown> };
  await runner.release();
  const spy = vi.spyOn(prototype, 'query');
  try {
    const result = await action();
    const statements = spy.mock.calls.filter(([, parameters]) => parameters?.includes(value)).map(([sql]) => sql);
    return { result, statements };
  } finally {
    spy.mockRestore();
  }
}

async function caseOf(token: string, id: string) {
  return (await system.http().get(`/api/cases/${id}`).set(auth(token)).expect(200)).body;
}

/** The staff member the engine names as the last to decide (what the per-clerk report counts by). */
async function decidedBy(caseId: string): Promise<string | null> {
  const [row] = await system.app.get(DataSource).query(`SELECT decided_by FROM case_record WHERE id = $1`, [caseId]);
  return row.decided_by;
}

async function userId(username: string): Promise<string> {
  const [row] = await system.app.get(DataSource).query(`SELECT id FROM app_user WHERE username = $1`, [username]);
  return row.id;
}

async function decide(token: string, taskId: string, body: Record<string, unknown>, status = 200) {
  return system.http().post(`/api/tasks/${encodeURIComponent(taskId)}/decision`).set(auth(token)).send(body).expect(status);
}

/** A food business licence application by citizen1 that will go to human review (large premises). */
async function applyForFoodLicence(token = citizen1, key: string | undefined = randomUUID()) {
  const item = await serviceItem(system, '2201-SC-0001');
  const materials = await requiredMaterials(system, token, item, ['foodSafetySystem']);
  const body = { serviceItemCode: item.code, form: exampleForm(item, { floorArea: 350.0 }), materials };
  const request = system.http().post('/api/cases').set(auth(token));
  if (key) request.set('Idempotency-Key', key);
  const response = await request.send(body).expect(201);
  return { body, key, created: response.body as { id: string; caseNo: string; status: string; statutoryDeadline: string | null } };
}

describe('a citizen applies and the case goes to a licence', () => {
  it('runs from upload to licence through one correction round, with timeline and deadlines', async () => {
    const { created } = await applyForFoodLicence();
    expect(created).toMatchObject({ status: 'submitted', statutoryDeadline: null, promisedDeadline: null });
    expect(await decidedBy(created.id)).toBeNull();
    expect(created.caseNo).toMatch(/^NG\d{4}-SC0001-\d{6}$/);

    // 受理 step: the clerk asks for everything missing at once.
    const accept = await taskOf(market, created.id, 'accept');
    expect(accept.allowedActions.sort()).toEqual(['accept', 'correction', 'refuse']);
    await system.http().post(`/api/tasks/${encodeURIComponent(accept.id)}/claim`).set(auth(market)).expect(200);
    const corrected = await decide(market, accept.id, {
      action: 'correction',
      missing: [
        { key: 'premisesProof', reason: '租赁合同已过期' },
        { key: 'form.phone', reason: '联系电话无法接通' },
      ],
    });
    expect(corrected.body.status).toBe('awaiting_correction');
    const marketClerk = await userId('clerk.market-regulation');
    expect(await decidedBy(created.id)).toBe(marketClerk);
    const waiting = await caseOf(citizen1, created.id);
    expect(waiting.correction.items.map((i: { key: string }) => i.key)).toEqual(['premisesProof', 'form.phone']);

    // Answering only half of the notice is refused: everything at once.
    const partial = await system.http().post(`/api/cases/${created.id}/corrections`).set(auth(citizen1)).send({ materials: [] }).expect(400);
    expect(partial.body.code).toBe('case.incomplete_correction');
    expect(partial.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['form.phone', 'materials']);
    const newProof = await upload(system, citizen1, 'premisesProof-2');
    await system
      .http()
      .post(`/api/cases/${created.id}/corrections`)
      .set(auth(citizen1))
      .send({ materials: [{ key: 'premisesProof', fileId: newProof }], form: { phone: '13804310001' } })
      .expect(200);
    // The applicant's answer is not a staff decision.
    expect(await decidedBy(created.id)).toBe(marketClerk);

    // Accepted: the clock starts and the deadlines are set; the 秒批 rule says no (350 m²), so people review.
    const acceptAgain = await taskOf(market, created.id, 'accept');
    await decide(market, acceptAgain.id, { action: 'accept', comment: '材料齐全，予以受理' });
    const accepted = await caseOf(citizen1, created.id);
    expect(accepted.deadlines.statutory).not.toBeNull();
    expect(new Date(accepted.deadlines.promised).getTime()).toBeLessThan(new Date(accepted.deadlines.statutory).getTime());
    expect(accepted.materialsOwed).toEqual([expect.objectContaining({ key: 'foodSafetySystem', deliveredAt: null, dueAt: expect.any(String) })]);

    const review = await taskOf(market, created.id, 'review');
    expect(review.dueAt).not.toBeNull();
    await decide(market, review.id, { action: 'approve' });
    const inspection = await taskOf(market, created.id, 'site-inspection');
    const done = await decide(market, inspection.id, { action: 'approve', comment: '现场核查合格' });
    expect(done.body.status).toBe('approved');

    const finished = await caseOf(citizen1, created.id);
    expect(finished.status).toBe('approved');
    expect(finished.certificates).toEqual([expect.objectContaining({ serviceItemCode: '2201-SC-0001', name: '食品经营许可证' })]);
    const actions = finished.timeline.map((t: { action: string }) => t.action);
    expect(actions).toEqual(['submit', 'correction', 'correction_answered', 'accept', 'rule_evaluated', 'approve', 'approve']);
    expect(finished.timeline[1]).toMatchObject({ from: 'submitted', to: 'awaiting_correction' });
    expect(finished.timeline.at(-1)).toMatchObject({ to: 'approved', actor: expect.any(String) });

    // Anyone can verify the licence; personal data is masked.
    const verified = await system.http().get(`/api/certificates/${finished.certificates[0].code}/verify`).expect(200);
    expect(verified.body).toMatchObject({ valid: true, serviceItemCode: '2201-SC-0001', holderName: '张*' });
    expect(verified.body.holderIdentifier).toMatch(/^220\*+\d{3}[\dX]$/);
    await system.http().get('/api/certificates/0000-0000-0000-0000/verify').expect(404);

    // 好差评: once, on a finished case.
    await system.http().post(`/api/cases/${created.id}/rating`).set(auth(citizen1)).send({ score: 5, comment: '办事效率高' }).expect(201);
    expect((await system.http().post(`/api/cases/${created.id}/rating`).set(auth(citizen1)).send({ score: 1 }).expect(409)).body.code).toBe('case.already_rated');

    // The page of a case, with its history, certificate and rating, is read in one statement (issue #14).
    const read = await statementsWith(created.id, () => caseOf(citizen1, created.id));
    expect(read.result).toMatchObject({ rating: { score: 5, comment: '办事效率高' }, certificates: [expect.objectContaining({ serviceItemCode: '2201-SC-0001' })] });
    expect(read.result.timeline).toHaveLength(7);
    // (Background work on the case, like its timers firing, writes meanwhile: only the reads are the request's.)
    expect(read.statements.filter((sql) => /^\s*SELECT/i.test(sql))).toHaveLength(1);

    // Milestones reached the applicant as in-app notifications, through the outbox.
    await expect
      .poll(async () => {
        const { body } = await system.http().get('/api/my/notifications?limit=50').set(auth(citizen1)).expect(200);
        return (body.items as { template: string; status: string; data: { caseNo?: string } }[])
          .filter((n) => n.data.caseNo === created.caseNo && n.status === 'delivered')
          .map((n) => n.template)
          .sort();
      }, { timeout: 10_000 })
      .toEqual(['case.case_accepted', 'case.case_finished', 'case.certificate_issued', 'case.correction_requested', 'case.rating_invitation']);

    expect((await system.http().get(`/api/cases/${created.id}/history/verify`).set(auth(supervisor)).expect(200)).body).toEqual({ valid: true });
  });

  it('approves a small low-risk shop in seconds through the 秒批 rule', async () => {
    const item = await serviceItem(system, '2201-SC-0001');
    const materials = await requiredMaterials(system, citizen1, item, ['foodSafetySystem']);
    const { body } = await system
      .http()
      .post('/api/cases')
      .set(auth(citizen1))
      .send({ serviceItemCode: item.code, form: exampleForm(item, { floorArea: 80.0, businessScope: '自制饮品制售' }), materials })
      .expect(201);
    const accept = await taskOf(market, body.id, 'accept');
    await decide(market, accept.id, { action: 'accept' });
    await expect.poll(async () => (await caseOf(citizen1, body.id)).status, { timeout: 15_000 }).toBe('approved');
    expect((await caseOf(citizen1, body.id)).certificates).toHaveLength(1);
    // The rule decided, but the last staff member to decide is the clerk who accepted.
    expect(await decidedBy(body.id)).toBe(await userId('clerk.market-regulation'));
  });
});

describe('submission', () => {
  it('answers a repeat with the same Idempotency-Key with the same case, and a changed body with 422', async () => {
    const first = await applyForFoodLicence();
    const again = await system.http().post('/api/cases').set(auth(citizen1)).set('Idempotency-Key', first.key!).send(first.body).expect(201);
    expect(again.body.id).toBe(first.created.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const changed = await system
      .http()
      .post('/api/cases')
      .set(auth(citizen1))
      .set('Idempotency-Key', first.key!)
      .send({ ...first.body, form: { ...first.body.form, floorArea: 351.0 } })
      .expect(422);
    expect(changed.body.code).toBe('case.idempotency_key_reused');
  });

  it('answers every form violation and missing material at once', async () => {
    const item = await serviceItem(system, '2201-SC-0001');
    const response = await system
      .http()
      .post('/api/cases')
      .set(auth(citizen1))
      .send({ serviceItemCode: item.code, form: { ...exampleForm(item), phone: '12345', floorArea: 'big', unknownField: 1 }, materials: [] })
      .expect(400);
    expect(response.body.code).toBe('case.invalid_application');
    const paths = (response.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['form.phone', 'form.floorArea', 'form.unknownField', 'materials']));
    expect(paths.filter((p) => p === 'materials').length).toBeGreaterThanOrEqual(4);
  });

  it("refuses another citizen's file as a material", async () => {
    const item = await serviceItem(system, '2201-SC-0001');
    const materials = await requiredMaterials(system, citizen1, item, ['foodSafetySystem']);
    materials[0]!.fileId = await upload(system, citizen2, 'not-yours');
    const response = await system.http().post('/api/cases').set(auth(citizen2)).send({ serviceItemCode: item.code, form: exampleForm(item), materials }).expect(400);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain('materials[1].fileId');
  });
});

describe('work queues and decisions', () => {
  it('gives exactly one success and one 409 to two clerks deciding the same task at once', async () => {
    const { created } = await applyForFoodLicence();
    const task = await taskOf(market, created.id, 'accept');
    const path = `/api/tasks/${encodeURIComponent(task.id)}/decision`;
    const responses = await Promise.all([
      system.http().post(path).set(auth(market)).send({ action: 'accept' }),
      system.http().post(path).set(auth(market)).send({ action: 'refuse' }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = responses.find((r) => r.status === 409)!;
    expect(loser.body.code).toMatch(/^(case\.concurrent_change|task\.closed|engine\.task_not_open)$/);
    const history = (await caseOf(citizen1, created.id)).timeline.map((t: { action: string }) => t.action);
    expect(history.filter((a: string) => a === 'accept' || a === 'refuse')).toHaveLength(1);
  });

  it('answers 422 for every action the step does not allow', async () => {
    const { created } = await applyForFoodLicence();
    const task = await taskOf(market, created.id, 'accept');
    for (const action of ['approve', 'reject', 'transfer']) {
      const response = await decide(market, task.id, { action, toDepartmentCode: 'health' }, 422);
      expect(response.body.code).toBe('engine.action_not_allowed');
    }
    await decide(market, task.id, { action: 'dance' }, 400);
    expect((await decide(market, task.id, { action: 'correction', missing: [] }, 400)).body.errors[0].path).toBe('missing');
  });

  it('lets a claim lapse when the clerk goes idle, so a colleague can take the task', async () => {
    const { created } = await applyForFoodLicence();
    const task = await taskOf(market, created.id, 'accept');
    const colleague = await system
      .http()
      .post('/api/users')
      .set(auth(await system.login('admin')))
      .send({ username: `clerk.mr.${randomUUID().slice(0, 6)}`, password: 'A-long-passphrase-7', roles: ['clerk'], departmentCode: 'market-regulation', displayName: '同事' })
      .expect(201);
    const colleagueToken = await system.login(colleague.body.username, 'A-long-passphrase-7');
    const claimPath = `/api/tasks/${encodeURIComponent(task.id)}/claim`;
    await system.http().post(claimPath).set(auth(market)).expect(200);
    expect((await system.http().post(claimPath).set(auth(colleagueToken)).expect(409)).body.code).toBe('task.claimed_by_other');
    await decide(colleagueToken, task.id, { action: 'accept' }, 409);
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    const taken = await system.http().post(claimPath).set(auth(colleagueToken)).expect(200);
    expect(taken.body.claimedBy).toBe(colleague.body.id);
    await system.http().post(`/api/tasks/${encodeURIComponent(task.id)}/release`).set(auth(colleagueToken)).expect(200);
  });

  it('lists the queue oldest deadline first, with the filters of the API', async () => {
    const { body } = await system.http().get('/api/tasks?status=open&limit=100').set(auth(market)).expect(200);
    const due = (body.items as TaskView[]).map((t) => t.dueAt).filter((d): d is string => d !== null);
    expect(due).toEqual([...due].sort());
    // Other test files share the database: every task listed as overdue must be past due, whoever made it.
    const overdue = (await system.http().get('/api/tasks?overdue=true&limit=200').set(auth(market)).expect(200)).body.items as TaskView[];
    for (const task of overdue) expect(new Date(task.dueAt!).getTime()).toBeLessThan(Date.now());
    await system.http().get('/api/tasks?status=done').set(auth(market)).expect(400);
    await system.http().get('/api/tasks').set(auth(citizen1)).expect(403);
  });
});

describe('who sees what', () => {
  it("answers 404 for another citizen's case and another department's task or case", async () => {
    const { created } = await applyForFoodLicence();
    const task = await taskOf(market, created.id, 'accept');
    expect((await system.http().get(`/api/cases/${created.id}`).set(auth(citizen2)).expect(404)).body.code).toBe('case.not_found');
    await system.http().post(`/api/cases/${created.id}/withdraw`).set(auth(citizen2)).expect(404);
    await system.http().get(`/api/cases/${created.id}`).set(auth(fire)).expect(404);
    await system.http().post(`/api/tasks/${encodeURIComponent(task.id)}/claim`).set(auth(fire)).expect(404);
    await decide(fire, task.id, { action: 'accept' }, 404);
    const ownList = (await system.http().get('/api/cases?limit=200').set(auth(citizen2)).expect(200)).body.items as { id: string }[];
    expect(ownList.map((c) => c.id)).not.toContain(created.id);
    await system.http().get(`/api/cases/${created.id}`).set(auth(supervisor)).expect(200);
    await system.http().get(`/api/cases/${created.id}`).set(auth(market)).expect(200);
  });

  it('lets the applicant withdraw before a decision, not after', async () => {
    const { created } = await applyForFoodLicence();
    await taskOf(market, created.id, 'accept');
    expect((await system.http().post(`/api/cases/${created.id}/withdraw`).set(auth(citizen1)).expect(200)).body.status).toBe('withdrawn');
    expect((await system.http().post(`/api/cases/${created.id}/withdraw`).set(auth(citizen1)).expect(409)).body.code).toBe('engine.case_finished');
    expect((await system.http().get(`/api/tasks?caseId=${created.id}`).set(auth(market)).expect(200)).body.items).toEqual([]);
    await system.http().post(`/api/cases/${created.id}/rating`).set(auth(citizen1)).send({ score: 3 }).expect(201);
  });

  it('refuses to rate an unfinished case', async () => {
    const { created } = await applyForFoodLicence();
    expect((await system.http().post(`/api/cases/${created.id}/rating`).set(auth(citizen1)).send({ score: 4 }).expect(409)).body.code).toBe('case.not_finished');
  });

  it('detects a tampered history row', async () => {
    const { created } = await applyForFoodLicence();
    const task = await taskOf(market, created.id, 'accept');
    await decide(market, task.id, { action: 'refuse', comment: '不属于本部门受理范围' });
    const verify = () => system.http().get(`/api/cases/${created.id}/history/verify`).set(auth(supervisor)).expect(200);
    expect((await verify()).body).toEqual({ valid: true });
    await system.app.get(DataSource).query(`UPDATE case_history SET comment = '同意受理' WHERE case_id = $1 AND seq = 2`, [created.id]);
    expect((await verify()).body).toEqual({ valid: false, brokenAt: 2, reason: 'row_changed' });
    await system.http().get(`/api/cases/${created.id}/history/verify`).set(auth(citizen1)).expect(403);
  });
});
