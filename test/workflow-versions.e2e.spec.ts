import { afterAll, beforeAll, expect, it } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem } from './support/applicant.js';
import { startTestSystem, type TestSystem } from './support/system.js';

let system: TestSystem;
let admin: string;
let citizen: string;
let clerk: string;

beforeAll(async () => {
  system = await startTestSystem('single-server');
  [admin, citizen, clerk] = await Promise.all(['admin', 'citizen1', 'clerk.health'].map((u) => system.login(u)));
});

afterAll(async () => {
  await system?.stopAll();
});

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

it('leaves running cases on their definition version when a new one is published', async () => {
  const item = await serviceItem(system, '2201-WJ-0001');
  const apply = async () =>
    (
      await system
        .http()
        .post('/api/cases')
        .set(auth(citizen))
        .send({ serviceItemCode: item.code, form: exampleForm(item), materials: await requiredMaterials(system, citizen, item) })
        .expect(201)
    ).body.id as string;
  const before = await apply();
  const described = (await system.http().get(`/api/workflows/${item.workflowKey}`).set(auth(admin)).expect(200)).body;
  const current = described.versions.find((v: { status: string }) => v.status === 'published').version as number;

  // Version n+1: acceptance goes straight to the licence (no review step).
  const document = (await system.http().get(`/api/workflows/${item.workflowKey}/versions/${current}`).set(auth(admin)).expect(200)).body;
  const accept = document.steps.find((s: { id: string }) => s.id === 'accept');
  const issue = document.steps.find((s: { type: string }) => s.type === 'certificate');
  const next = { ...document, steps: [{ ...accept, outcomes: { ...accept.outcomes, accept: issue.id } }, issue] };
  const draft = (await system.http().post('/api/workflows').set(auth(admin)).send(next).expect(201)).body;
  await system.http().post(`/api/workflows/${item.workflowKey}/versions/${draft.version}/publish`).set(auth(admin)).expect(200);

  const after = await apply();
  const view = async (id: string) => (await system.http().get(`/api/cases/${id}`).set(auth(citizen)).expect(200)).body;
  expect((await view(before)).workflow).toEqual({ key: item.workflowKey, version: current });
  expect((await view(after)).workflow).toEqual({ key: item.workflowKey, version: draft.version });

  // Both accepted: the old case continues on its old steps, the new one on the new.
  for (const id of [before, after]) {
    const { body } = await system.http().get(`/api/tasks?caseId=${id}`).set(auth(clerk)).expect(200);
    await system.http().post(`/api/tasks/${encodeURIComponent(body.items[0].id)}/decision`).set(auth(clerk)).send({ action: 'accept' }).expect(200);
  }
  expect((await view(after)).status).toBe('approved');
  expect((await view(before)).status).toBe('accepted');
  expect((await view(before)).currentSteps).not.toEqual([]);
});
