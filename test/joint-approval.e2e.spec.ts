import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredMaterials, serviceItem } from './support/applicant.js';
import { auth, decide, waitForTask } from './support/drive.js';
import { PARTICIPANTS, itemWithJoint, submitAndAccept } from './support/joint-item.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/** 联办 carried by the joint-approval queue on Redis: fan-out, join policies, early decision, cancellation. */
let system: TestSystem;
let admin: string;
let citizen: string;

beforeAll(async () => {
  system = await startTestSystem('production');
  [admin, citizen] = await Promise.all(['admin', 'citizen1'].map((u) => system.login(u)));
});

afterAll(async () => {
  await system?.stopAll();
});

const itemWithJoin = (join: unknown) => itemWithJoint(system, admin, join);

/** Applies and accepts; answers the participants' tasks once the worker has fanned them out. */
async function caseAtJoint(code: string): Promise<{ caseId: string; tasks: Record<string, string> }> {
  const caseId = await submitAndAccept(system, citizen, code);
  const tasks: Record<string, string> = {};
  for (const department of PARTICIPANTS) tasks[department] = (await waitForTask(system, department, caseId, 'joint')).id;
  return { caseId, tasks };
}

async function statusOf(caseId: string): Promise<string> {
  return (await system.http().get(`/api/cases/${caseId}`).set(auth(citizen)).expect(200)).body.status;
}

async function settled(caseId: string, status: string): Promise<void> {
  await expect.poll(() => statusOf(caseId), { timeout: 20_000, interval: 100 }).toBe(status);
}

async function taskStatuses(caseId: string): Promise<Record<string, string>> {
  const rows: { department_code: string; status: string }[] = await system.app
    .get(DataSource)
    .query(`SELECT department_code, status FROM case_task WHERE case_id = $1 AND step_id = 'joint'`, [caseId]);
  return Object.fromEntries(rows.map((r) => [r.department_code, r.status]));
}

describe('join policies', () => {
  it("all: one rejection decides while the others are still deciding, and their tasks are cancelled", async () => {
    const { caseId, tasks } = await caseAtJoint(await itemWithJoin('all'));
    await decide(system, 'fire-rescue', tasks['fire-rescue']!, { action: 'approve' });
    await decide(system, 'health', tasks['health']!, { action: 'reject', comment: '卫生条件不达标' });
    await settled(caseId, 'rejected');
    expect(await taskStatuses(caseId)).toEqual({ 'fire-rescue': 'completed', health: 'completed', 'urban-management': 'cancelled' });
    await decide(system, 'urban-management', tasks['urban-management']!, { action: 'approve' }, 409);
  });

  it('all: a vote recorded but not yet applied when the join is decided keeps its task completed with that vote', async () => {
    const { caseId, tasks } = await caseAtJoint(await itemWithJoin('all'));
    // fire-rescue's clerk has decided; the worker has not applied the vote yet (no job for it exists).
    const decision = { action: 'approve', comment: null, missing: [], actorId: '00000000-0000-0000-0000-000000000000', actorName: '消防审批员', decidedAt: new Date().toISOString() };
    await system.app.get(DataSource).query(`UPDATE case_task SET status = 'decided', decision = $2, closed_at = now() WHERE id = $1`, [tasks['fire-rescue'], decision]);
    await decide(system, 'health', tasks['health']!, { action: 'reject', comment: '卫生条件不达标' });
    await settled(caseId, 'rejected');
    const rows: { department_code: string; status: string; outcome: string }[] = await system.app
      .get(DataSource)
      .query(`SELECT department_code, status, outcome FROM case_task WHERE case_id = $1 AND step_id = 'joint' ORDER BY department_code`, [caseId]);
    expect(rows).toEqual([
      { department_code: 'fire-rescue', status: 'completed', outcome: 'approve' },
      { department_code: 'health', status: 'completed', outcome: 'reject' },
      { department_code: 'urban-management', status: 'cancelled', outcome: 'joint_decided' },
    ]);
  });

  it('all: approved once every department approved, even when they decide at the same moment', async () => {
    const { caseId, tasks } = await caseAtJoint(await itemWithJoin('all'));
    const responses = await Promise.all(PARTICIPANTS.map(async (d) => (await decide(system, d, tasks[d]!, { action: 'approve' })).status));
    expect(responses).toEqual([200, 200, 200]);
    await settled(caseId, 'approved');
    expect((await system.http().get(`/api/cases/${caseId}`).set(auth(citizen)).expect(200)).body.certificates).toHaveLength(1);
  });

  it('any: the first approval decides and cancels the rest', async () => {
    const { caseId, tasks } = await caseAtJoint(await itemWithJoin('any'));
    await decide(system, 'health', tasks['health']!, { action: 'approve' });
    await settled(caseId, 'approved');
    expect(await taskStatuses(caseId)).toEqual({ 'fire-rescue': 'cancelled', health: 'completed', 'urban-management': 'cancelled' });
  });

  it('quorum 2 of 3: a rejection while others decide, then two approvals', async () => {
    const { caseId, tasks } = await caseAtJoint(await itemWithJoin({ quorum: 2 }));
    await decide(system, 'fire-rescue', tasks['fire-rescue']!, { action: 'reject' });
    await expect.poll(async () => (await taskStatuses(caseId))['fire-rescue'], { timeout: 20_000 }).toBe('completed');
    expect(await statusOf(caseId)).toBe('in_review');
    await decide(system, 'health', tasks['health']!, { action: 'approve' });
    await decide(system, 'urban-management', tasks['urban-management']!, { action: 'approve' });
    await settled(caseId, 'approved');
  });

  it('quorum 2 of 3: two rejections make approval impossible and decide at once', async () => {
    const { caseId, tasks } = await caseAtJoint(await itemWithJoin({ quorum: 2 }));
    await decide(system, 'fire-rescue', tasks['fire-rescue']!, { action: 'reject' });
    await decide(system, 'health', tasks['health']!, { action: 'reject' });
    await settled(caseId, 'rejected');
    expect((await taskStatuses(caseId))['urban-management']).toBe('cancelled');
  });
});

describe('corrections inside a joint step', () => {
  it('combines several departments’ requests into one notice and sends the answer back to each that asked', async () => {
    const { caseId, tasks } = await caseAtJoint(await itemWithJoin('all'));
    await decide(system, 'fire-rescue', tasks['fire-rescue']!, { action: 'correction', missing: [{ key: 'applicantIdCard', reason: '身份证复印件不清晰' }] });
    await decide(system, 'health', tasks['health']!, { action: 'correction', missing: [{ key: 'form.shopName', reason: '名称与营业执照不一致' }] });
    await decide(system, 'urban-management', tasks['urban-management']!, { action: 'approve' });
    await settled(caseId, 'awaiting_correction');
    const notice = (await system.http().get(`/api/cases/${caseId}`).set(auth(citizen)).expect(200)).body.correction;
    expect(notice.items.map((i: { key: string; department: string }) => [i.department, i.key]).sort()).toEqual([
      ['fire-rescue', 'applicantIdCard'],
      ['health', 'form.shopName'],
    ]);
    const item = await serviceItem(system, (await system.http().get(`/api/cases/${caseId}`).set(auth(citizen))).body.serviceItemCode);
    const [material] = await requiredMaterials(system, citizen, item);
    await system.http().post(`/api/cases/${caseId}/corrections`).set(auth(citizen)).send({ materials: [material], form: { shopName: '福顺家常菜馆' } }).expect(200);
    const fire = await waitForTask(system, 'fire-rescue', caseId, 'joint');
    const health = await waitForTask(system, 'health', caseId, 'joint');
    await decide(system, 'fire-rescue', fire.id, { action: 'approve' });
    await decide(system, 'health', health.id, { action: 'approve' });
    await settled(caseId, 'approved');
  });
});
