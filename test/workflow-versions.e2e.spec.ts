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

it('shows the published process to everyone and keeps drafts with the staff', async () => {
  const item = await serviceItem(system, '2201-WJ-0001');
  const key = item.workflowKey;
  const published = (await system.http().get(`/api/workflows/${key}`).expect(200)).body;
  const version = published.versions.find((v: { status: string }) => v.status === 'published').version as number;
  const document = (await system.http().get(`/api/workflows/${key}/versions/${version}`).expect(200)).body;
  const draft = (await system.http().post('/api/workflows').set(auth(admin)).send(document).expect(201)).body.version as number;

  for (const headers of [{}, auth(citizen)]) {
    const seen = (await system.http().get(`/api/workflows/${key}`).set(headers).expect(200)).body;
    expect(seen.versions.map((v: { version: number }) => v.version)).not.toContain(draft);
    expect(seen.versions.every((v: { status: string }) => v.status !== 'draft')).toBe(true);
    await system.http().get(`/api/workflows/${key}/versions/${version}`).set(headers).expect(200);
    const hidden = await system.http().get(`/api/workflows/${key}/versions/${draft}`).set(headers).expect(404);
    expect(hidden.body.code).toBe('workflow.version_not_found');
  }
  const staff = (await system.http().get(`/api/workflows/${key}`).set(auth(clerk)).expect(200)).body;
  expect(staff.versions).toContainEqual(expect.objectContaining({ version: draft, status: 'draft' }));
  await system.http().get(`/api/workflows/${key}/versions/${draft}`).set(auth(clerk)).expect(200);
});
