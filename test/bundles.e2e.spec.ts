import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleForm, serviceItem, upload } from './support/applicant.js';
import { auth, decide, waitForTask } from './support/drive.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/** 一件事一次办 on the PostgreSQL queue backend: one application, a child case per item, each in its own department. */
let system: TestSystem;
let citizen: string;

beforeAll(async () => {
  system = await startTestSystem('single-server');
  citizen = await system.login('enterprise1');
});

afterAll(async () => {
  await system?.stopAll();
});

interface CaseBody {
  id: string;
  status: string;
  children: { id: string; serviceItemCode: string; departmentCode: string; status: string }[];
  certificates: { code: string; serviceItemCode: string }[];
  finishedAt: string | null;
}

async function applyForBundle(code: string): Promise<CaseBody> {
  const bundle = (await system.http().get(`/api/bundles/${code}`).expect(200)).body as { serviceItemCodes: string[] };
  const items = await Promise.all(bundle.serviceItemCodes.map((c) => serviceItem(system, c)));
  const form = Object.fromEntries(items.map((item) => [item.code, exampleForm(item)]));
  // Materials are uploaded once and shared by key across the items.
  const keys = [...new Set(items.flatMap((item) => item.materials.filter((m) => m.required && !m.tolerant).map((m) => m.key)))];
  const materials = [];
  for (const key of keys) materials.push({ key, fileId: await upload(system, citizen, key) });
  const { body } = await system.http().post('/api/cases').set(auth(citizen)).send({ bundleCode: code, form, materials }).expect(201);
  return (await system.http().get(`/api/cases/${body.id}`).set(auth(citizen)).expect(200)).body as CaseBody;
}

async function view(id: string): Promise<CaseBody> {
  return (await system.http().get(`/api/cases/${id}`).set(auth(citizen)).expect(200)).body as CaseBody;
}

/** Works every open task of the children with its department's clerk, choosing `choose(task)`, until none is left. */
async function workAll(parentId: string, choose: (task: { serviceItemCode: string; allowed: string[] }) => string): Promise<void> {
  const db = system.app.get(DataSource);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const parent = await view(parentId);
    if (parent.finishedAt) return;
    const tasks: { id: string; department_code: string; allowed_actions: string[]; service_item_code: string }[] = await db.query(
      `SELECT t.id, t.department_code, t.allowed_actions, c.service_item_code
         FROM case_task t JOIN case_record c ON c.id = t.case_id
        WHERE c.parent_id = $1 AND t.status IN ('open', 'claimed')`,
      [parentId],
    );
    for (const task of tasks) {
      const action = choose({ serviceItemCode: task.service_item_code, allowed: task.allowed_actions });
      await decide(system, task.department_code, task.id, { action }, undefined as never);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error('the bundle did not finish in time');
}

const acceptOrApprove = ({ allowed }: { allowed: string[] }) => (allowed.includes('accept') ? 'accept' : 'approve');

describe('一件事一次办', () => {
  it('我要开餐馆 goes from one application to a licence per item through four departments', async () => {
    const parent = await applyForBundle('open-restaurant');
    expect(parent.children).toHaveLength(5);
    expect(new Set(parent.children.map((c) => c.departmentCode)).size).toBeGreaterThanOrEqual(4);
    expect(parent.status).toBe('submitted');

    await workAll(parent.id, acceptOrApprove);
    const finished = await view(parent.id);
    expect(finished.status).toBe('completed');
    expect(finished.children.every((c) => c.status === 'approved')).toBe(true);
    expect(new Set(finished.certificates.map((c) => c.serviceItemCode))).toEqual(new Set(finished.children.map((c) => c.serviceItemCode)));

    // The licences reach the applicant together, in one notice, when the parent completes.
    await expect
      .poll(async () => {
        const { body } = await system.http().get('/api/my/notifications?limit=100').set(auth(citizen)).expect(200);
        const notice = (body.items as { template: string; data: { certificates?: unknown[]; caseNo?: string } }[]).find((n) => n.template === 'case.bundle_finished');
        return notice?.data.certificates?.length;
      }, { timeout: 10_000 })
      .toBe(finished.certificates.length);
  });

  it('fail-bundle: a refused item ends the others, and the bundle with them', async () => {
    const parent = await applyForBundle('disability-services');
    const certificateItem = '2201-CL-0001';
    const child = parent.children.find((c) => c.serviceItemCode === certificateItem)!;
    const task = await waitForTask(system, child.departmentCode, child.id, 'accept');
    await decide(system, child.departmentCode, task.id, { action: 'refuse', comment: '不符合残疾人证办理条件' });
    await expect.poll(async () => (await view(parent.id)).finishedAt, { timeout: 20_000 }).not.toBeNull();
    const finished = await view(parent.id);
    expect(finished.status).toBe('refused');
    const byItem = Object.fromEntries(finished.children.map((c) => [c.serviceItemCode, c.status]));
    expect(byItem).toEqual({ [certificateItem]: 'refused', '2201-MZ-0003': 'withdrawn' });
  });

  it('refuses a bundle application with every item’s problems listed, and stores nothing', async () => {
    const before = (await system.app.get(DataSource).query('SELECT count(*)::int AS n FROM case_record'))[0].n as number;
    const response = await system.http().post('/api/cases').set(auth(citizen)).send({ bundleCode: 'open-restaurant', form: {}, materials: [] }).expect(400);
    expect(response.body.errors.filter((e: { path: string }) => e.path.startsWith('form.2201-')).length).toBe(5);
    expect((await system.app.get(DataSource).query('SELECT count(*)::int AS n FROM case_record'))[0].n).toBe(before);
  });
});
