import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem } from './support/applicant.js';
import { auth, decide, openTasksOf, waitForTask } from './support/drive.js';
import { PARTICIPANTS, itemWithJoint } from './support/joint-item.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * 回避: a staff member who is the applicant of a case sees its tasks in their queue but can neither
 * claim, decide, transfer nor stop its clock, nor vote on it in a joint step.
 */
let system: TestSystem;
let admin: string;
let supervisor: string;

beforeAll(async () => {
  system = await startTestSystem('single-server');
  [admin, supervisor] = await Promise.all(['admin', 'supervisor'].map((u) => system.login(u)));
});

afterAll(async () => {
  await system?.stopAll();
});

/** A staff account of `department` that may also apply as a citizen (a clerk applying for their own shop). */
async function clerkWhoApplies(department: string): Promise<{ token: string; id: string }> {
  const username = `clerk.applies.${randomUUID().slice(0, 8)}`;
  const password = 'A-long-passphrase-2026';
  const { body } = await system
    .http()
    .post('/api/users')
    .set(auth(admin))
    .send({ username, password, roles: ['citizen', 'clerk'], departmentCode: department, displayName: '自己申请的窗口人员' })
    .expect(201);
  return { token: await system.login(username, password), id: body.id };
}

async function apply(token: string, code: string): Promise<string> {
  const item = await serviceItem(system, code);
  const { body } = await system
    .http()
    .post('/api/cases')
    .set(auth(token))
    .send({ serviceItemCode: code, form: exampleForm(item, { floorArea: 350.0 }), materials: await requiredMaterials(system, token, item, ['foodSafetySystem', 'foodSafetyManagerProof']) })
    .expect(201);
  return body.id;
}

function expectConflict(response: { status: number; body: { code?: string } }, code = 'task.conflict_of_interest'): void {
  expect(response.status).toBe(403);
  expect(response.body.code).toBe(code);
}

describe('回避', () => {
  it('shows the applicant their own case in the queue, but refuses claim, decisions, transfer and the clock', async () => {
    const self = await clerkWhoApplies('market-regulation');
    const caseId = await apply(self.token, '2201-SC-0001');
    const accept = await waitForTask(system, 'market-regulation', caseId, 'accept');
    const queue = (await system.http().get('/api/tasks').query({ caseId }).set(auth(self.token)).expect(200)).body.items;
    expect(queue).toEqual([expect.objectContaining({ id: accept.id, stepId: 'accept' })]);

    const task = `/api/tasks/${encodeURIComponent(accept.id)}`;
    expectConflict(await system.http().post(`${task}/claim`).set(auth(self.token)));
    expectConflict(await system.http().post(`${task}/decision`).set(auth(self.token)).send({ action: 'accept' }));
    expectConflict(await system.http().post(`${task}/decision`).set(auth(self.token)).send({ action: 'transfer', toDepartmentCode: 'health' }));
    expect((await system.http().get(`/api/cases/${caseId}`).set(auth(self.token)).expect(200)).body.status).toBe('submitted');

    // A colleague accepts; the clock runs, and the applicant may not stop or restart it.
    await decide(system, 'market-regulation', accept.id, { action: 'accept' });
    const review = await waitForTask(system, 'market-regulation', caseId, 'review');
    const reviewPath = `/api/tasks/${encodeURIComponent(review.id)}`;
    expectConflict(await system.http().post(`${reviewPath}/clock/pause`).set(auth(self.token)).send({ reason: 'expert_review', comment: '组织专家评审' }));
    const colleague = auth(await system.login('clerk.market-regulation'));
    await system.http().post(`${reviewPath}/clock/pause`).set(colleague).send({ reason: 'expert_review', comment: '组织专家评审' }).expect(200);
    expectConflict(await system.http().post(`${reviewPath}/clock/resume`).set(auth(self.token)).send({}));
    await system.http().post(`${reviewPath}/clock/resume`).set(colleague).send({}).expect(200);
    expectConflict(await system.http().post(`${reviewPath}/decision`).set(auth(self.token)).send({ action: 'approve' }));
    expect((await openTasksOf(system, 'market-regulation', caseId)).map((t) => t.id)).toContain(review.id);
  });

  it('refuses a joint (联办) vote by the applicant, while the department’s colleague may vote', async () => {
    const code = await itemWithJoint(system, admin, 'all');
    const [participant] = PARTICIPANTS;
    const self = await clerkWhoApplies(participant);
    const item = await serviceItem(system, code);
    const { body } = await system
      .http()
      .post('/api/cases')
      .set(auth(self.token))
      .send({ serviceItemCode: code, form: exampleForm(item), materials: await requiredMaterials(system, self.token, item) })
      .expect(201);
    await decide(system, 'market-regulation', (await waitForTask(system, 'market-regulation', body.id, 'accept')).id, { action: 'accept' });
    const joint = await waitForTask(system, participant, body.id, 'joint');

    expectConflict(await system.http().post(`/api/tasks/${encodeURIComponent(joint.id)}/decision`).set(auth(self.token)).send({ action: 'approve' }));
    await decide(system, participant, joint.id, { action: 'approve' });
  });

  it('refuses a supervisor an extension of their own case', async () => {
    const username = `supervisor.applies.${randomUUID().slice(0, 8)}`;
    const password = 'A-long-passphrase-2026';
    await system.http().post('/api/users').set(auth(admin)).send({ username, password, roles: ['citizen', 'supervisor'], displayName: '自己申请的督查人员' }).expect(201);
    const self = await system.login(username, password);
    const caseId = await apply(self, '2201-SC-0001');
    await decide(system, 'market-regulation', (await waitForTask(system, 'market-regulation', caseId, 'accept')).id, { action: 'accept' });
    const extension = { workingDays: 5, reason: '案情复杂，经负责人批准延长' };
    expectConflict(await system.http().post(`/api/cases/${caseId}/extensions`).set(auth(self)).send(extension), 'case.conflict_of_interest');
    await system.http().post(`/api/cases/${caseId}/extensions`).set(auth(supervisor)).send(extension).expect(200);
  });
});
