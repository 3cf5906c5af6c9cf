import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberOf, jsonl, personLine } from './support/registry-fixtures.js';
import { bundleExampleForm, bundleOf, exampleForm, requiredMaterials, serviceItem, upload } from './support/applicant.js';
import { auth, waitForTask } from './support/drive.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * Who may read what (issue #12): uploaded files follow the visibility of the cases that reference them,
 * grant explanations and registry change logs are masked unless an admin reveals them with a purpose,
 * and every read of personal data by staff leaves a row in the access log.
 */
let system: TestSystem;
const tokens: Record<string, string> = {};
const userIds: Record<string, string> = {};
const USERS = [
  'citizen1',
  'citizen2',
  'enterprise1',
  'clerk.market-regulation',
  'clerk.fire-rescue',
  'clerk.health',
  'clerk.civil-affairs',
  'supervisor',
  'admin',
] as const;
type Username = (typeof USERS)[number];

beforeAll(async () => {
  system = await startTestSystem('single-server');
  for (const username of USERS) {
    tokens[username] = await system.login(username);
    userIds[username] = (await system.http().get('/api/me').set(as(username)).expect(200)).body.id;
  }
});

afterAll(async () => {
  await system?.stopAll();
});

const as = (username: Username) => auth(tokens[username]);

/** Metadata and content of a file, as `username` gets them: both 200 or both 404. */
async function expectReadable(fileId: string, username: Username, readable: boolean): Promise<void> {
  for (const path of [`/api/files/${fileId}`, `/api/files/${fileId}/content`]) {
    const response = await system.http().get(path).set(as(username));
    expect(response.status, `${username} GET ${path}`).toBe(readable ? 200 : 404);
    if (!readable) expect(response.body).toMatchObject({ code: 'file.not_found' });
  }
}

/** A food business licence (market-regulation) applied for by citizen1: the case and one of its files. */
async function foodLicenceCase(): Promise<{ caseId: string; fileId: string; materials: { key: string; fileId: string }[] }> {
  const item = await serviceItem(system, '2201-SC-0001');
  const materials = await requiredMaterials(system, tokens.citizen1, item, ['foodSafetySystem', 'foodSafetyManagerProof']);
  const { body } = await system
    .http()
    .post('/api/cases')
    .set(as('citizen1'))
    .send({ serviceItemCode: item.code, form: exampleForm(item, { floorArea: 350.0 }), materials })
    .expect(201);
  return { caseId: body.id, fileId: materials[0].fileId, materials };
}

interface AccessRow {
  id: string;
  accessedAt: string;
  userId: string;
  username: string;
  subjectKind: string;
  subjectId: string;
  purpose: string;
  requestId: string | null;
  revealed: boolean;
  statedPurpose: string | null;
}

async function accessLog(query: Record<string, string>): Promise<AccessRow[]> {
  return (await system.http().get('/api/audit/personal-data-access').query(query).set(as('supervisor')).expect(200)).body.items as AccessRow[];
}

describe('who may read an uploaded file', () => {
  it('the uploader and staff who can see a case that references it; anyone else gets the 404 of a missing file', async () => {
    const { fileId } = await foodLicenceCase();
    await expectReadable(fileId, 'citizen1', true);
    await expectReadable(fileId, 'clerk.market-regulation', true);
    await expectReadable(fileId, 'supervisor', true);
    await expectReadable(fileId, 'admin', true);
    await expectReadable(fileId, 'clerk.fire-rescue', false);
    await expectReadable(fileId, 'citizen2', false);
    await expectReadable(randomUUID(), 'supervisor', false);
  });

  it('keeps an upload that no case references to its uploader', async () => {
    const loose = await upload(system, tokens.citizen1, 'not-yet-attached');
    await expectReadable(loose, 'citizen1', true);
    await expectReadable(loose, 'clerk.market-regulation', false);
    await expectReadable(loose, 'supervisor', false);
  });

  it('follows a file into a correction answer, and keeps the superseded one readable to the case staff', async () => {
    const { caseId, materials } = await foodLicenceCase();
    const { key, fileId: original } = materials[0];
    const accept = await waitForTask(system, 'market-regulation', caseId, 'accept');
    await system
      .http()
      .post(`/api/tasks/${accept.id}/decision`)
      .set(as('clerk.market-regulation'))
      .send({ action: 'correction', missing: [{ key, reason: '复印件不清晰' }] })
      .expect(200);
    const answer = await upload(system, tokens.citizen1, `${key}-again`);
    await system.http().post(`/api/cases/${caseId}/corrections`).set(as('citizen1')).send({ materials: [{ key, fileId: answer }] }).expect(200);

    await expectReadable(answer, 'clerk.market-regulation', true);
    await expectReadable(answer, 'supervisor', true);
    await expectReadable(answer, 'clerk.fire-rescue', false);
    await expectReadable(answer, 'citizen2', false);
    const current = (await system.http().get(`/api/cases/${caseId}`).set(as('citizen1')).expect(200)).body.materials;
    expect(current).toContainEqual({ key, fileId: answer });
    expect(current).not.toContainEqual({ key, fileId: original });
    await expectReadable(original, 'clerk.market-regulation', true);
    await expectReadable(original, 'clerk.fire-rescue', false);
  });

  it('follows a file into a bundle child: the departments of the bundle read it, others do not', async () => {
    const bundle = (await system.http().get('/api/bundles/open-beauty-salon').expect(200)).body as { serviceItemCodes: string[] };
    const items = await Promise.all(bundle.serviceItemCodes.map((code) => serviceItem(system, code)));
    const keys = [...new Set(items.flatMap((item) => item.materials.filter((m) => m.required && !m.tolerant).map((m) => m.key)))];
    const materials = [];
    for (const key of keys) materials.push({ key, fileId: await upload(system, tokens.enterprise1, key) });
    const form = bundleExampleForm(await bundleOf(system, 'open-beauty-salon'));
    await system.http().post('/api/cases').set(as('enterprise1')).send({ bundleCode: 'open-beauty-salon', form, materials }).expect(201);
    // 公共场所卫生许可 (health) alone asks for its application form.
    const hygieneForm = materials.find((m) => m.key === 'hygieneApplicationForm')!.fileId;

    await expectReadable(hygieneForm, 'enterprise1', true);
    await expectReadable(hygieneForm, 'clerk.health', true);
    await expectReadable(hygieneForm, 'clerk.market-regulation', true);
    await expectReadable(hygieneForm, 'clerk.civil-affairs', false);
    await expectReadable(hygieneForm, 'citizen1', false);
  });
});

describe('grant explanations and registry change logs', () => {
  const district = `测试区-${randomUUID().slice(0, 8)}`;
  const person = personLine({ name: '王小明', gender: 'M', hukouDistrict: district, phone: '13904318826', ...idNumberOf('M', '1950-03-04') });
  let grantId: string;

  beforeAll(async () => {
    const imported = await system.http().post('/api/registry/persons/import').set(as('admin')).set('Content-Type', 'application/x-ndjson').send(jsonl([person])).expect(200);
    expect(imported.body).toMatchObject({ imported: 1, rejectedCount: 0 });
    const code = `masking-${randomUUID().slice(0, 8)}`;
    const rule = `person.hukouDistrict == '${district}' && person.name != '' && person.phone != '' && person.birthDate < timestamp('2000-01-01T00:00:00Z')`;
    await system.http().post('/api/benefit-policies').set(as('admin')).send({ code, name: '掩码测试', subjectType: 'person', rule, amount: 1, period: 'once' }).expect(201);
    const { body: started } = await system.http().post(`/api/benefit-policies/${code}/runs`).set(as('admin')).send({}).expect(202);
    for (const deadline = Date.now() + 30_000; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
      const { body: run } = await system.http().get(`/api/benefit-runs/${started.runId}`).set(as('admin')).expect(200);
      if (run.status === 'completed') break;
      if (run.status === 'failed' || Date.now() > deadline) throw new Error(`the grant run ended ${run.status}`);
    }
    const { body } = await system.http().get('/api/benefit-grants').query({ policyCode: code }).set(as('admin')).expect(200);
    expect(body.items).toHaveLength(1);
    grantId = body.items[0].id;
  });

  const masked = {
    'person.name': '王*明',
    'person.phone': '139****8826',
    'person.birthDate': '1950-**-**',
    'person.hukouDistrict': district,
  };

  it('masks names, ID numbers, phones and birth dates for every staff role, lists included', async () => {
    for (const username of ['clerk.civil-affairs', 'supervisor', 'admin'] as const) {
      const { body } = await system.http().get(`/api/benefit-grants/${grantId}`).set(as(username)).expect(200);
      expect(body.explanation.facts, username).toEqual(masked);
      expect(body).toMatchObject({ subjectName: '王*明', revealed: false });
    }
    const { body: list } = await system.http().get('/api/benefit-grants').query({ idNumber: person.idNumber }).set(as('supervisor')).expect(200);
    expect(list.items.map((g: { explanation: { facts: unknown } }) => g.explanation.facts)).toContainEqual(masked);
  });

  it('reveals the full facts to an admin who states a purpose, and records it', async () => {
    const purpose = '核对高龄津贴发放对象身份（工单 2026-118）';
    const { body, headers } = await system.http().post(`/api/benefit-grants/${grantId}/reveal`).set(as('admin')).send({ purpose }).expect(200);
    expect(body.explanation.facts).toEqual({
      'person.name': '王小明',
      'person.phone': '13904318826',
      'person.birthDate': '1950-03-04',
      'person.hukouDistrict': district,
    });
    expect(body).toMatchObject({ subjectName: '王小明', subjectKey: person.idNumber, revealed: true });
    const rows = await accessLog({ subjectKind: 'benefit-grant', subjectId: grantId, userId: userIds.admin });
    expect(rows[0]).toMatchObject({
      username: 'admin',
      purpose: 'POST /api/benefit-grants/:id/reveal',
      revealed: true,
      statedPurpose: purpose,
      requestId: headers['x-request-id'],
    });
    expect(rows.some((row) => row.purpose === 'GET /api/benefit-grants/:id' && !row.revealed)).toBe(true);
  });

  it('refuses a reveal without a purpose, and to anyone but an admin', async () => {
    const missing = await system.http().post(`/api/benefit-grants/${grantId}/reveal`).set(as('admin')).send({}).expect(400);
    expect(new Set(missing.body.errors.map((e: { path: string }) => e.path))).toEqual(new Set(['purpose']));
    await system.http().post(`/api/benefit-grants/${grantId}/reveal`).set(as('supervisor')).send({ purpose: '想看看完整信息是否正确' }).expect(403);
    await system.http().post(`/api/benefit-grants/${grantId}/reveal`).set(as('clerk.civil-affairs')).send({ purpose: '想看看完整信息是否正确' }).expect(403);
  });

  it('masks phones and names in the registry change log, and records who read it', async () => {
    const changed = { ...person, name: '王晓明', phone: '13812341234' };
    const imported = await system.http().post('/api/registry/persons/import').set(as('admin')).set('Content-Type', 'application/x-ndjson').send(jsonl([changed])).expect(200);
    expect(imported.body).toMatchObject({ updated: 1, rejectedCount: 0 });
    const { body } = await system.http().get('/api/registry/changes').query({ idNumber: person.idNumber }).set(as('clerk.civil-affairs')).expect(200);
    expect(body.items[0].changes).toEqual({ name: { old: '王*明', new: '王*明' }, phone: { old: '139****8826', new: '138****1234' } });
    const rows = await accessLog({ subjectKind: 'registry-person', subjectId: body.items[0].subjectId, userId: userIds['clerk.civil-affairs'] });
    expect(rows).toEqual([expect.objectContaining({ purpose: 'GET /api/registry/changes', revealed: false })]);
  });
});

describe('the access log of personal data', () => {
  it('records a clerk reading a case, with the route and the request id; not the applicant reading their own', async () => {
    const { caseId } = await foodLicenceCase();
    await system.http().get(`/api/cases/${caseId}`).set(as('citizen1')).expect(200);
    const read = await system.http().get(`/api/cases/${caseId}`).set(as('clerk.market-regulation')).expect(200);
    // A refused read shows nothing, so it records nothing.
    await system.http().get(`/api/cases/${caseId}`).set(as('clerk.fire-rescue')).expect(404);

    const rows = await accessLog({ subjectKind: 'case', subjectId: caseId });
    expect(rows).toEqual([
      {
        id: expect.any(String),
        accessedAt: expect.any(String),
        userId: userIds['clerk.market-regulation'],
        username: 'clerk.market-regulation',
        subjectKind: 'case',
        subjectId: caseId,
        purpose: 'GET /api/cases/:id',
        requestId: read.headers['x-request-id'],
        revealed: false,
        statedPurpose: null,
      },
    ]);
  });

  it("records staff reading a file's content, not its uploader", async () => {
    const { fileId } = await foodLicenceCase();
    await system.http().get(`/api/files/${fileId}/content`).set(as('citizen1')).expect(200);
    await system.http().get(`/api/files/${fileId}/content`).set(as('supervisor')).expect(200);
    const rows = await accessLog({ subjectKind: 'file', subjectId: fileId });
    expect(rows).toEqual([expect.objectContaining({ username: 'supervisor', purpose: 'GET /api/files/:id/content' })]);
  });

  it('lets a supervisor filter and page it, newest first, and export it as CSV', async () => {
    const { caseId } = await foodLicenceCase();
    const from = new Date().toISOString();
    for (let i = 0; i < 3; i++) await system.http().get(`/api/cases/${caseId}`).set(as('clerk.market-regulation')).expect(200);
    const first = await system.http().get('/api/audit/personal-data-access').query({ subjectId: caseId, limit: 2 }).set(as('supervisor')).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await system.http().get('/api/audit/personal-data-access').query({ subjectId: caseId, limit: 2, cursor: first.body.nextCursor }).set(as('supervisor')).expect(200);
    expect(second.body).toMatchObject({ items: [expect.objectContaining({ subjectId: caseId })], nextCursor: null });
    const ids = [...first.body.items, ...second.body.items].map((row: AccessRow) => Number(row.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(await accessLog({ subjectId: caseId, from, to: new Date(Date.now() + 60_000).toISOString() })).toHaveLength(3);
    expect(await accessLog({ subjectId: caseId, to: from })).toHaveLength(0);
    expect(await accessLog({ subjectId: caseId, userId: userIds.supervisor })).toHaveLength(0);

    const csv = await system.http().get('/api/audit/personal-data-access').query({ subjectId: caseId, format: 'csv' }).set(as('admin')).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('clerk.market-regulation');
    expect(lines[1]).toContain('GET /api/cases/:id');
    expect(lines[1]).toContain(caseId);
  });

  it('is closed to clerks and citizens, and refuses bad filters with the field named', async () => {
    for (const username of ['clerk.market-regulation', 'citizen1'] as const) {
      const response = await system.http().get('/api/audit/personal-data-access').set(as(username)).expect(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const bad = await system.http().get('/api/audit/personal-data-access').query({ subjectKind: 'everything', userId: 'me' }).set(as('supervisor')).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['subjectKind', 'userId']);
    const cursor = await system.http().get('/api/audit/personal-data-access').query({ cursor: 'not-a-cursor' }).set(as('supervisor')).expect(400);
    expect(cursor.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });
});
