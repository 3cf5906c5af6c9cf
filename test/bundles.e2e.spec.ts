import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAjv } from '../src/catalog/form-schema.js';
import { bundleExampleForm, bundleOf, serviceItem, upload } from './support/applicant.js';
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

async function applyForBundle(code: string, overrides: Record<string, unknown> = {}): Promise<CaseBody> {
  const bundle = await bundleOf(system, code);
  const items = await Promise.all(bundle.serviceItemCodes.map((c) => serviceItem(system, c)));
  // 一表申请: one form for the whole bundle.
  const form = bundleExampleForm(bundle, overrides);
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

  it('refuses a bundle application with every problem listed at the bundle’s fields, and stores nothing', async () => {
    const before = (await system.app.get(DataSource).query('SELECT count(*)::int AS n FROM case_record'))[0].n as number;
    const bundle = await bundleOf(system, 'open-restaurant');
    const response = await system.http().post('/api/cases').set(auth(citizen)).send({ bundleCode: 'open-restaurant', form: {}, materials: [] }).expect(400);
    const paths = (response.body.errors as { path: string }[]).map((e) => e.path);
    expect(new Set(paths)).toEqual(new Set(bundle.formSchema.required.map((field) => `form.${field}`)));
    expect((await system.app.get(DataSource).query('SELECT count(*)::int AS n FROM case_record'))[0].n).toBe(before);
    // A field the merged form does not have is refused by name (the old per-item layout among them).
    const stray = await system.http().post('/api/cases').set(auth(citizen)).send({ bundleCode: 'open-restaurant', form: { ...bundleExampleForm(bundle), '2201-SC-0001': {} }, materials: [] }).expect(400);
    expect((stray.body.errors as { path: string }[]).map((e) => e.path)).toContain('form.2201-SC-0001');
  });
});

describe('一表申请: one merged form per bundle', () => {
  // The validator the program itself uses (formats included).
  const ajv = createAjv();

  it.each(['open-restaurant', 'open-beauty-salon', 'disability-services'])('%s asks for fewer fields than its items one by one, each once', async (code) => {
    const bundle = await bundleOf(system, code);
    const items = await Promise.all(bundle.serviceItemCodes.map((c) => serviceItem(system, c)));
    const sum = items.reduce((n, item) => n + Object.keys(item.formSchema.properties).length, 0);
    const merged = Object.keys(bundle.formSchema.properties);
    expect(bundle.itemFieldCount).toBe(sum);
    expect(merged.length).toBeLessThan(sum);
    expect(new Set(merged).size).toBe(merged.length);
    // Every item field has exactly one bundle field, and fieldOwners says which items ask for it.
    for (const item of items) {
      for (const field of Object.keys(item.formSchema.properties)) {
        const target = bundle.fieldMapping[item.code]?.[field] ?? field;
        expect(bundle.fieldOwners[target]).toContain(item.code);
      }
    }
    expect(Object.keys(bundle.fieldOwners).sort()).toEqual([...merged].sort());
    // The merged schema is itself valid JSON Schema, and its examples make a valid form.
    expect(ajv.validate(bundle.formSchema, bundleExampleForm(bundle))).toBe(true);
  });

  it('我要开餐馆: 47 fields asked by five items become one form; name, phone and address asked once', async () => {
    const bundle = await bundleOf(system, 'open-restaurant');
    expect(bundle.itemFieldCount).toBe(47);
    expect(bundle.fieldOwners.phone).toHaveLength(5);
    expect(bundle.fieldOwners.tradeName).toEqual(['2201-SC-0002', '2201-SC-0001', '2201-XF-0001', '2201-ZJ-0001']);
    expect(bundle.fieldOwners.premisesAddress).toHaveLength(4);
    // 经营范围 and 经营项目 share a name in the items but not a meaning: two bundle fields.
    expect(bundle.fieldOwners.businessScope).toEqual(['2201-SC-0002']);
    expect(bundle.fieldOwners.foodBusinessScope).toEqual(['2201-SC-0001']);
  });

  it.each(['open-restaurant', 'open-beauty-salon', 'disability-services'])('%s: one filled form is split so each child holds exactly its item’s fields', async (code) => {
    const bundle = await bundleOf(system, code);
    const form = bundleExampleForm(bundle);
    const parent = await applyForBundle(code);
    const rows: { service_item_code: string; form: Record<string, unknown> }[] = await system.app.get(DataSource).query('SELECT service_item_code, form FROM case_record WHERE parent_id = $1', [parent.id]);
    expect(rows.map((r) => r.service_item_code).sort()).toEqual([...bundle.serviceItemCodes].sort());
    for (const row of rows) {
      const item = await serviceItem(system, row.service_item_code);
      const schema = item.formSchema as unknown as Record<string, unknown>;
      expect(Object.keys(row.form).sort()).toEqual(Object.keys(item.formSchema.properties).sort());
      expect(ajv.validate(schema, row.form)).toBe(true);
      for (const [field, value] of Object.entries(row.form)) {
        expect(value).toEqual(form[bundle.fieldMapping[item.code]?.[field] ?? field]);
      }
    }
  });

  it('an answer given once reaches every item that asks for it, under each item’s own name', async () => {
    const parent = await applyForBundle('open-restaurant', { tradeName: '长春市南关区一表通菜馆', phone: '13912345678' });
    const rows: { service_item_code: string; form: Record<string, unknown> }[] = await system.app.get(DataSource).query('SELECT service_item_code, form FROM case_record WHERE parent_id = $1', [parent.id]);
    const byItem = Object.fromEntries(rows.map((r) => [r.service_item_code, r.form]));
    expect(byItem['2201-SC-0002']).toMatchObject({ tradeName: '长春市南关区一表通菜馆', phone: '13912345678' });
    expect(byItem['2201-SC-0001']).toMatchObject({ businessName: '长春市南关区一表通菜馆', phone: '13912345678', businessScope: '热食类食品制售' });
    expect(byItem['2201-XF-0001']).toMatchObject({ venueName: '长春市南关区一表通菜馆' });
    expect(byItem['2201-ZJ-0001']).toMatchObject({ dischargerName: '长春市南关区一表通菜馆' });
    expect(byItem['2201-CG-0001']).not.toHaveProperty('tradeName');
  });
});

describe('bundles whose items conflict are refused when saved', () => {
  let admin: string;
  beforeAll(async () => {
    admin = await system.login('admin');
  });

  it('names both items and the field, and a mapping resolves it', async () => {
    const code = `conflict-${randomUUID().slice(0, 8)}`;
    const body = { code, name: '冲突测试', serviceItemCodes: ['2201-SC-0002', '2201-SC-0001'], failurePolicy: 'finish-rest' };
    const refused = await system.http().post('/api/bundles').set(auth(admin)).send(body).expect(400);
    expect(refused.body.code).toBe('catalog.bundle_form_conflict');
    expect(refused.body.errors).toEqual([{ path: 'fieldMapping.2201-SC-0001.businessScope', message: expect.stringMatching(/businessScope.*2201-SC-0002.*2201-SC-0001/) }]);
    expect(refused.body.conflicts[0]).toMatchObject({ field: 'businessScope', items: ['2201-SC-0002', '2201-SC-0001'] });
    await system.http().get(`/api/bundles/${code}`).expect(404);

    await system.http().post('/api/bundles').set(auth(admin)).send({ ...body, fieldMapping: { '2201-SC-0001': { businessScope: 'foodBusinessScope' } } }).expect(201);
    const saved = await bundleOf(system, code);
    expect(saved.fieldOwners.foodBusinessScope).toEqual(['2201-SC-0001']);
    // Taking the mapping away again is refused too.
    const put = await system.http().put(`/api/bundles/${code}`).set(auth(admin)).send({ name: body.name, serviceItemCodes: body.serviceItemCodes, failurePolicy: 'finish-rest', fieldMapping: {} }).expect(400);
    expect(put.body.code).toBe('catalog.bundle_form_conflict');
    // A mapping that names a field the item does not have is refused at its path.
    const bad = await system.http().put(`/api/bundles/${code}`).set(auth(admin)).send({ ...body, code: undefined, fieldMapping: { '2201-SC-0001': { noSuchField: 'x' } } }).expect(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path)).toContain('fieldMapping.2201-SC-0001.noSuchField');
  });

  it('refuses an item change that would break the form of a bundle holding it', async () => {
    const item = await serviceItem(system, '2201-CG-0001');
    const { code: _code, ...fields } = item as unknown as Record<string, unknown> & { formSchema: { properties: Record<string, unknown> } };
    // `phone` turned into a number: every other item of 我要开餐馆 asks for a phone as text.
    const formSchema = { ...fields.formSchema, properties: { ...fields.formSchema.properties, phone: { type: 'integer', title: '联系电话', examples: [13904318826] } } };
    const refused = await system.http().put('/api/service-items/2201-CG-0001').set(auth(admin)).send({ ...fields, formSchema }).expect(400);
    expect(refused.body.code).toBe('catalog.bundle_form_conflict');
    expect(refused.body.detail).toContain('open-restaurant');
    expect((await serviceItem(system, '2201-CG-0001')).formSchema.properties.phone).toMatchObject({ type: 'string' });
  });
});
