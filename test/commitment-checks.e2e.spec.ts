import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem } from './support/applicant.js';
import { auth, decide, waitForTask } from './support/drive.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * Issue 19: 告知承诺. The seeded 公众聚集场所投入使用、营业前消防安全检查 (2201-XF-0001) approves a committed,
 * well-rated venue by rule; its department (fire-rescue) must check within the item's 20 working days.
 */

const ITEM = '2201-XF-0001';
const DEPARTMENT = 'fire-rescue';

let system: TestSystem;
let citizen: string;
let clerk: string;
let otherClerk: string;
let supervisor: string;

beforeAll(async () => {
  system = await startTestSystem('single-server');
  [citizen, clerk, otherClerk, supervisor] = await Promise.all(['citizen1', `clerk.${DEPARTMENT}`, 'clerk.health', 'supervisor'].map((u) => system.login(u)));
});

afterAll(async () => {
  await system?.stopAll();
});

interface Check {
  id: string;
  caseId: string;
  status: string;
  dueDate: string;
  departmentCode: string;
  overdue: boolean;
  revokedCertificates: string[];
}

const post = (token: string, url: string, body: object) => system.http().post(url).set(auth(token)).send(body);
const view = async (id: string) => (await system.http().get(`/api/cases/${id}`).set(auth(citizen)).expect(200)).body;

/** citizen1 (credit A) applies with the commitment; fire-rescue accepts; answers the case id once it is decided. */
async function applyAndAccept(form: Record<string, unknown>): Promise<string> {
  const item = await serviceItem(system, ITEM);
  const { body } = await post(citizen, '/api/cases', { serviceItemCode: ITEM, form: exampleForm(item, form), materials: await requiredMaterials(system, citizen, item) }).expect(201);
  await decide(system, DEPARTMENT, (await waitForTask(system, DEPARTMENT, body.id, 'accept')).id, { action: 'accept' });
  return body.id as string;
}

async function checkOf(caseId: string, token = clerk): Promise<Check | undefined> {
  const { body } = await system.http().get('/api/commitment-checks?limit=200').set(auth(token)).expect(200);
  return (body.items as Check[]).find((c) => c.caseId === caseId);
}

async function approvedOnCommitment(): Promise<{ caseId: string; check: Check }> {
  const caseId = await applyAndAccept({ commitmentMode: true, maxOccupancy: 120 });
  await expect.poll(async () => (await view(caseId)).status, { timeout: 20_000 }).toBe('approved');
  let check: Check | undefined;
  await expect.poll(async () => (check = await checkOf(caseId)) !== undefined, { timeout: 10_000 }).toBe(true);
  return { caseId, check: check! };
}

describe('告知承诺 follow-up checks', () => {
  it('opens one check for the department, due the item’s working days after the approval, in the clerk’s queue', async () => {
    const { body: item } = await system.http().get(`/api/service-items/${ITEM}`).expect(200);
    expect(item.commitmentCheckDays).toBe(20);
    const { caseId, check } = await approvedOnCommitment();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const due = (await system.http().get(`/api/calendar/add-working-days?from=${today}&days=20`).expect(200)).body.date;
    expect(check).toMatchObject({ caseId, status: 'open', departmentCode: DEPARTMENT, dueDate: due, overdue: false, revokedCertificates: [] });
    expect((await system.http().get(`/api/commitment-checks/${check.id}`).set(auth(supervisor)).expect(200)).body.id).toBe(check.id);
    // Another department neither sees nor works it.
    expect(await checkOf(caseId, otherClerk)).toBeUndefined();
    expect((await system.http().get(`/api/commitment-checks/${check.id}`).set(auth(otherClerk)).expect(404)).body.code).toBe('commitment_check.not_found');
    expect((await post(otherClerk, `/api/commitment-checks/${check.id}/decision`, { outcome: 'confirmed' }).expect(404)).body.code).toBe('commitment_check.not_found');
  });

  it('confirmed closes the check with a history row; deciding it again, an unknown outcome and a supervisor are refused', async () => {
    const { caseId, check } = await approvedOnCommitment();
    const url = `/api/commitment-checks/${check.id}/decision`;
    const unknown = await post(clerk, url, { outcome: 'maybe' }).expect(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.body).toMatchObject({ code: 'validation.failed', errors: [expect.objectContaining({ path: 'outcome' })] });
    const noReason = (await post(clerk, url, { outcome: 'false_commitment' }).expect(400)).body.errors as { path: string }[];
    expect(new Set(noReason.map((e) => e.path))).toEqual(new Set(['note']));
    expect((await post(supervisor, url, { outcome: 'confirmed' }).expect(403)).body.code).toBe('commitment_check.department_only');

    const confirmed = await post(clerk, url, { outcome: 'confirmed', note: '现场核查与承诺一致' }).expect(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', note: '现场核查与承诺一致', decidedByName: expect.any(String), revokedCertificates: [] });
    const again = await post(clerk, url, { outcome: 'false_commitment', note: '再次核查' }).expect(409);
    expect(again.body.code).toBe('commitment_check.already_decided');

    const record = await view(caseId);
    expect(record.timeline.at(-1)).toMatchObject({ action: 'commitment_confirmed', comment: expect.stringContaining('现场核查与承诺一致') });
    const code = record.certificates[0].code as string;
    expect((await system.http().get(`/api/certificates/${code}/verify`).expect(200)).body.valid).toBe(true);
    expect(await checkOf(caseId)).toMatchObject({ status: 'confirmed' });
  });

  it('a false commitment revokes the licence through the revocation path, tells the holder and records it in the case history', async () => {
    const { caseId, check } = await approvedOnCommitment();
    const code = (await view(caseId)).certificates[0].code as string;
    const note = '现场核查：安全出口被锁闭，与承诺不符';
    const { body } = await post(clerk, `/api/commitment-checks/${check.id}/decision`, { outcome: 'false_commitment', note }).expect(200);
    expect(body).toMatchObject({ status: 'false_commitment', note, revokedCertificates: [code] });

    const verified = (await system.http().get(`/api/certificates/${code}/verify`).expect(200)).body;
    expect(verified).toMatchObject({ valid: false, revokedAt: expect.any(String), reason: expect.stringContaining(note) });
    const record = await view(caseId);
    expect(record.timeline.at(-1)).toMatchObject({ action: 'commitment_false', comment: expect.stringContaining(note) });
    expect((await system.http().get(`/api/cases/${caseId}/history/verify`).set(auth(supervisor)).expect(200)).body.valid).toBe(true);
    await expect
      .poll(async () => {
        const { body: inbox } = await system.http().get('/api/my/notifications?limit=100').set(auth(citizen)).expect(200);
        return (inbox.items as { template: string; data: { code?: string } }[]).some((n) => n.template === 'certificate.revoked' && n.data.code === code);
      }, { timeout: 10_000 })
      .toBe(true);
    // The licence is revoked once: the supervisor's own revocation now finds it revoked.
    expect((await post(supervisor, `/api/certificates/${code}/revoke`, { reason: '再次撤销' }).expect(409)).body.code).toBe('certificate.already_revoked');
  });

  it('the risk monitor flags an open check red past its due date, and a decided one not at all', async () => {
    const { caseId, check } = await approvedOnCommitment();
    const dueAt = new Date(`${check.dueDate}T00:00:00+08:00`).getTime() + 86_400_000;
    const flags = async (asOf: number) => {
      const { body } = await system.http().get('/api/risk-monitor/forecast').query({ asOf: new Date(asOf).toISOString(), caseId }).set(auth(supervisor)).expect(200);
      return (body.items as { kind: string; severity: string; facts: { checkId: string }; detail: string }[]).filter((i) => i.kind === 'commitment_check_overdue');
    };
    expect(await flags(dueAt - 3_600_000)).toEqual([]);
    expect(await flags(dueAt + 3_600_000)).toEqual([expect.objectContaining({ severity: 'red', facts: expect.objectContaining({ checkId: check.id }), detail: expect.stringContaining('告知承诺核查已超期') })]);
    await post(clerk, `/api/commitment-checks/${check.id}/decision`, { outcome: 'confirmed' }).expect(200);
    expect(await flags(dueAt + 3_600_000)).toEqual([]);
  });

  it('opens no check for a case approved after a document review and a site inspection', async () => {
    const caseId = await applyAndAccept({ commitmentMode: false });
    for (const step of ['document-review', 'site-inspection']) await decide(system, DEPARTMENT, (await waitForTask(system, DEPARTMENT, caseId, step)).id, { action: 'approve' });
    await expect.poll(async () => (await view(caseId)).status, { timeout: 20_000 }).toBe('approved');
    expect(await checkOf(caseId)).toBeUndefined();
  });

  it('validates an item’s commitmentCheckDays', async () => {
    const admin = await system.login('admin');
    const { body: item } = await system.http().get(`/api/service-items/${ITEM}`).expect(200);
    const { code: _code, ...fields } = item;
    const bad = await system.http().put(`/api/service-items/${ITEM}`).set(auth(admin)).send({ ...fields, commitmentCheckDays: 0 }).expect(400);
    expect(bad.body).toMatchObject({ code: 'validation.failed', errors: [expect.objectContaining({ path: 'commitmentCheckDays' })] });
    await system.http().put(`/api/service-items/${ITEM}`).set(auth(admin)).send({ ...fields, commitmentCheckDays: 61 }).expect(400);
  });
});
