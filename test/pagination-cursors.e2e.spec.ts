import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem } from './support/applicant.js';
import { auth, openTasksOf } from './support/drive.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * Cursors come back from clients, so they are input like any other: a forged one must never widen what a
 * caller sees (issue 12), and a malformed one is a 400 problem naming `cursor`, never a 500.
 */
let system: TestSystem;
const tokens: Record<string, string> = {};
let citizen1Id: string;
let citizen2Id: string;
/** citizen2's application to civil-affairs, with its open task there. */
let foreignCaseId: string;
let foreignTaskId = '';
/** A notification of citizen1 that carries a certificate code. */
let foreignNotificationId: string;

const forge = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url');
const NEWEST = { submittedAt: '9999-12-31T00:00:00.000Z', createdAt: '9999-12-31T00:00:00.000Z', id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };

async function get(path: string, user: string) {
  return system.http().get(path).set(auth(tokens[user]!));
}

function idsOf(body: { items?: { id: string }[] }): string[] {
  return (body.items ?? []).map((item) => item.id);
}

function expectBadCursor(response: { status: number; body: Record<string, unknown>; headers: Record<string, string> }) {
  expect(response.status).toBe(400);
  expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(response.body).toMatchObject({ status: 400, code: 'pagination.bad_cursor', type: 'urn:ywtb:problem:pagination.bad_cursor' });
  expect(response.body.errors).toEqual([{ path: 'cursor', message: expect.any(String) }]);
}

beforeAll(async () => {
  system = await startTestSystem('single-server');
  for (const user of ['admin', 'supervisor', 'citizen1', 'citizen2', 'clerk.market-regulation', 'clerk.civil-affairs']) tokens[user] = await system.login(user);
  const db = system.app.get(DataSource);
  [{ id: citizen1Id }, { id: citizen2Id }] = await db.query(`SELECT id FROM app_user WHERE username IN ('citizen1', 'citizen2') ORDER BY username`);

  // Three applications, so that every list below has pages to walk.
  const item = await serviceItem(system, '2201-MZ-0002');
  for (let i = 0; i < 3; i++) {
    const created = await system
      .http()
      .post('/api/cases')
      .set(auth(tokens.citizen2!))
      .send({ serviceItemCode: item.code, form: exampleForm(item), materials: await requiredMaterials(system, tokens.citizen2!, item) })
      .expect(201);
    foreignCaseId = created.body.id;
  }
  // expect.poll is for tests only; the workflow opens the first task within moments.
  for (let attempt = 0; attempt < 200 && !foreignTaskId; attempt++) {
    foreignTaskId = (await openTasksOf(system, 'civil-affairs', foreignCaseId))[0]?.id ?? '';
    if (!foreignTaskId) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(foreignTaskId).toBeTruthy();

  // Tasks without a deadline (a step with no SLA) sort last: two of them, so pages cross into and within them.
  for (const step of ['no-sla-1', 'no-sla-2']) {
    await db.query(
      `INSERT INTO case_task (id, case_id, step_id, department_code, role, status, allowed_actions) VALUES ($1, $2, $3, 'civil-affairs', 'clerk', 'open', '{approve}')`,
      [`${foreignCaseId}:${step}`, foreignCaseId, step],
    );
  }

  [{ id: foreignNotificationId }] = await db.query(
    `INSERT INTO notification (recipient_id, channel, template, data) VALUES ($1, 'in-app', 'case.certificate_issued', $2) RETURNING id`,
    [citizen1Id, { caseNo: 'NG-TEST', certificateCode: `CERT-${randomUUID()}`, name: '食品经营许可证' }],
  );
});

afterAll(async () => {
  await system?.stopAll();
});

describe('a forged cursor never widens what a caller sees', () => {
  it('a market-regulation clerk cannot list the tasks of civil-affairs', async () => {
    const ownView = await get('/api/tasks?limit=200', 'clerk.market-regulation');
    expect(idsOf(ownView.body)).not.toContain(foreignTaskId);

    const forged = forge({ dueAt: '1970-01-01T00:00:00.000Z', id: '', department: 'civil-affairs', statuses: ['open', 'claimed'] });
    const response = await get(`/api/tasks?limit=200&cursor=${forged}`, 'clerk.market-regulation');
    expect(idsOf(response.body)).not.toContain(foreignTaskId);
    expectBadCursor(response);
  });

  it('a market-regulation clerk cannot list the cases of civil-affairs', async () => {
    const response = await get(`/api/cases?limit=200&cursor=${forge({ ...NEWEST, department: 'civil-affairs' })}`, 'clerk.market-regulation');
    expect(idsOf(response.body)).not.toContain(foreignCaseId);
    expectBadCursor(response);
  });

  it("citizen1 cannot list citizen2's cases", async () => {
    const response = await get(`/api/cases?limit=200&cursor=${forge({ ...NEWEST, me: citizen2Id })}`, 'citizen1');
    expect(idsOf(response.body)).not.toContain(foreignCaseId);
    expectBadCursor(response);
  });

  it("citizen2 cannot read citizen1's notifications", async () => {
    const response = await get(`/api/my/notifications?limit=200&cursor=${forge({ ...NEWEST, recipientId: citizen1Id })}`, 'citizen2');
    expect(idsOf(response.body)).not.toContain(foreignNotificationId);
    expectBadCursor(response);
  });

  it('a cursor of the right shape only moves within what the caller may see', async () => {
    const first = await get('/api/cases?limit=1', 'clerk.civil-affairs');
    expect(first.body.nextCursor ?? null).not.toBeNull();
    const own = await get(`/api/cases?limit=200&cursor=${first.body.nextCursor}`, 'clerk.civil-affairs');
    expect(own.status).toBe(200);
    // The same position, replayed by a clerk of another department: their own scope, not civil-affairs'.
    const replayed = await get(`/api/cases?limit=200&cursor=${first.body.nextCursor}`, 'clerk.market-regulation');
    expect(replayed.status).toBe(200);
    expect(idsOf(replayed.body)).not.toContain(foreignCaseId);
  });
});

describe('a malformed cursor is a 400 problem on every list', () => {
  const lists: [path: string, user: string][] = [
    ['/api/cases', 'citizen1'],
    ['/api/tasks', 'clerk.market-regulation'],
    ['/api/users', 'admin'],
    ['/api/benefit-policies', 'admin'],
    ['/api/benefit-policies/elderly-allowance/runs', 'admin'],
    ['/api/benefit-grants', 'admin'],
    ['/api/my/benefits', 'citizen1'],
    ['/api/benefit-reviews', 'admin'],
    ['/api/my/notifications', 'citizen1'],
    ['/api/registry/changes?idNumber=220102194209081022', 'admin'],
    ['/api/risk-flags', 'supervisor'],
    ['/api/calendar/changes', 'admin'],
  ];
  const malformed: [what: string, cursor: string][] = [
    ['not base64url', '%%%'],
    ['not JSON', Buffer.from('not json').toString('base64url')],
    ['an object with foreign keys', forge({ submittedAt: NEWEST.submittedAt, id: NEWEST.id, department: 'civil-affairs', me: randomUUID() })],
    ['too few values', forge([])],
    ['too many values', forge(['2026-01-01T00:00:00.000Z', randomUUID(), 'extra', 4, 5])],
    ['values of the wrong types', forge([true, { a: 1 }])],
    ['a number beyond any column', forge([99999999999999999999])],
    ['a NUL byte', forge(['a\u0000b'])],
    ['over-long', 'A'.repeat(2_000)],
  ];

  it.each(lists)('%s', async (path, user) => {
    const separator = path.includes('?') ? '&' : '?';
    for (const [what, cursor] of malformed) {
      const response = await get(`${path}${separator}cursor=${cursor}`, user);
      expect(response.status, `${path} with ${what}`).toBe(400);
      expectBadCursor(response);
    }
  });
});

describe('the cursors the API gives out still page', () => {
  /** The ids of a list taken one item per page, following nextCursor; and the same list in one page. */
  async function walk(path: string, user: string): Promise<{ seen: string[]; all: string[] }> {
    const all = idsOf((await get(`${path}?limit=200`, user)).body);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await get(`${path}?limit=1${cursor ? `&cursor=${cursor}` : ''}`, user);
      expect(response.status).toBe(200);
      seen.push(...idsOf(response.body));
      cursor = response.body.nextCursor;
    } while (cursor);
    return { seen, all };
  }

  it('walks every case of a clerk one by one, each once', async () => {
    const { seen, all } = await walk('/api/cases', 'clerk.civil-affairs');
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual(all);
  });

  it('walks the task queue, tasks without a deadline last', async () => {
    const { seen, all } = await walk('/api/tasks', 'clerk.civil-affairs');
    expect(seen).toEqual(all);
    expect(seen).toContain(foreignTaskId);
    expect(seen.slice(-2)).toEqual([`${foreignCaseId}:no-sla-1`, `${foreignCaseId}:no-sla-2`]);
  });
});
