import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RatingTicketsService } from '../src/rating-tickets/rating-tickets.service.js';
import { upload } from './support/applicant.js';
import { auth } from './support/drive.js';
import { serviceItemBody } from './support/security-fixtures.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/** Issue #19: 差评 整改 tickets (回访, 整改, closing, appeal) and licence revocation (撤销), through the HTTP API. */

const DEPARTMENT = 'market-regulation';

let system: TestSystem;
let citizen: string;
let clerk: string;
let otherClerk: string;
let supervisor: string;
let admin: string;
let itemCode: string;

beforeAll(async () => {
  system = await startTestSystem('single-server');
  [citizen, clerk, otherClerk, supervisor, admin] = await Promise.all(
    ['citizen1', `clerk.${DEPARTMENT}`, 'clerk.civil-affairs', 'supervisor', 'admin'].map((u) => system.login(u)),
  );
  // An item of its own, so that the reports below count only this file's cases.
  const workflowKey = `fb-${randomUUID().slice(0, 8)}`;
  itemCode = `FB-${randomUUID().slice(0, 8)}`;
  await system.http().post('/api/service-items').set(auth(admin)).send(serviceItemBody(itemCode, workflowKey)).expect(201);
  const definition = {
    key: workflowKey,
    name: '差评测试流程',
    serviceItem: itemCode,
    limits: { statutoryDays: 20, promisedDays: 10 },
    steps: [
      { id: 'accept', type: 'review', queue: { department: DEPARTMENT, role: 'clerk' }, outcomes: { accept: 'issue', correction: 'accept', refuse: 'end:refused' } },
      { id: 'issue', type: 'certificate', certificate: { name: '差评测试许可证' }, outcomes: { done: 'end:approved' } },
    ],
  };
  const { body: version } = await system.http().post('/api/workflows').set(auth(admin)).send(definition).expect(201);
  await system.http().post(`/api/workflows/${workflowKey}/versions/${version.version}/publish`).set(auth(admin)).expect(200);
}, 120_000);

afterAll(async () => {
  await system?.stopAll();
});

const db = () => system.app.get(DataSource);

async function apply(): Promise<{ id: string; caseNo: string }> {
  const fileId = await upload(system, citizen, 'idCard');
  const { body } = await system.http().post('/api/cases').set(auth(citizen)).send({ serviceItemCode: itemCode, form: { shopName: '福顺家常菜' }, materials: [{ key: 'idCard', fileId }] }).expect(201);
  return body;
}

/** A finished case (withdrawn by its applicant), rated `score`. */
async function rated(score: number, comment = '等候时间太长'): Promise<{ id: string; caseNo: string }> {
  const created = await apply();
  await system.http().post(`/api/cases/${created.id}/withdraw`).set(auth(citizen)).expect(200);
  await system.http().post(`/api/cases/${created.id}/rating`).set(auth(citizen)).send({ score, comment }).expect(201);
  return created;
}

interface Ticket {
  id: string;
  caseId: string;
  status: string;
  outcome: string | null;
  dueDate: string;
  score: number;
  scoreLabel: string;
  visits: { note: string; byName: string }[];
  rectification: { note: string } | null;
  appeal: { reason: string; upheld: boolean | null } | null;
}

async function ticketsOf(token: string, query = ''): Promise<Ticket[]> {
  const { body } = await system.http().get(`/api/rating-tickets?limit=200${query}`).set(auth(token)).expect(200);
  return body.items;
}

async function ticketOf(caseId: string): Promise<Ticket> {
  const found = (await ticketsOf(supervisor)).find((t) => t.caseId === caseId);
  expect(found, `the ticket of case ${caseId}`).toBeDefined();
  return found!;
}

const post = (token: string, url: string, body: object = {}) => system.http().post(url).set(auth(token)).send(body);

/** The guard's refusals (401, 403 for a role) carry its own stable code; any code will do for them here. */
const ANY = null;

function expectProblem(response: { status: number; headers: Record<string, string>; body: { code: string; errors?: { path: string }[] } }, status: number, code: string | null, paths?: string[]) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body.code).toEqual(code ?? expect.any(String));
  if (paths) expect([...new Set(response.body.errors?.map((e) => e.path))]).toEqual(paths);
}

describe('a 差评 opens a ticket', () => {
  it('for a rating of 1 or 2, one per rating, due 15 working days after the rating by the calendar', async () => {
    const bad = await rated(1);
    const poor = await rated(2);
    const fair = await rated(3);
    const ticket = await ticketOf(bad.id);
    expect(ticket).toMatchObject({ status: 'open', score: 1, scoreLabel: '非常不满意', outcome: null, visits: [], rectification: null });
    expect((await ticketOf(poor.id)).scoreLabel).toBe('不满意');
    expect((await ticketsOf(supervisor)).some((t) => t.caseId === fair.id)).toBe(false);

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const { body: due } = await system.http().get(`/api/calendar/add-working-days?from=${today}&days=15`).expect(200);
    expect(ticket.dueDate).toBe(due.date);

    // A second rating is refused, and no second ticket appears: the rating's ticket is unique.
    expectProblem(await post(citizen, `/api/cases/${bad.id}/rating`, { score: 2 }), 409, 'case.already_rated');
    const again = system.app.get(RatingTicketsService).openFor({ caseId: bad.id, caseNo: bad.caseNo, departmentCode: DEPARTMENT, score: 1, comment: null });
    await expect(again).rejects.toMatchObject({ status: 409 });
    await expect(db().query(`INSERT INTO rating_ticket (case_id, case_no, score, status, due_date, due_at, opened_at) VALUES ($1, 'x', 1, 'open', now(), now(), now())`, [bad.id])).rejects.toThrow(/rating_ticket_case_key/);
    const [{ n }] = await db().query(`SELECT count(*)::int AS n FROM rating_ticket WHERE case_id = $1`, [bad.id]);
    expect(n).toBe(1);
  });

  it('lists by status; a clerk sees only their department’s tickets, a citizen none', async () => {
    const { id } = await rated(2);
    const ticket = await ticketOf(id);
    expect((await ticketsOf(clerk, '&status=open')).map((t) => t.id)).toContain(ticket.id);
    expect((await ticketsOf(supervisor, '&status=closed')).map((t) => t.id)).not.toContain(ticket.id);
    expect((await ticketsOf(otherClerk)).map((t) => t.id)).not.toContain(ticket.id);
    expectProblem(await system.http().get('/api/rating-tickets').set(auth(citizen)), 403, ANY);
    expectProblem(await system.http().get('/api/rating-tickets?status=lost').set(auth(supervisor)), 400, 'validation.failed', ['status']);
  });
});

describe('working a ticket', () => {
  it('回访, 整改 by the department, closed by a supervisor; the refusals name their reason', async () => {
    const { id: caseId } = await rated(1);
    const { id } = await ticketOf(caseId);
    const url = (action = '') => `/api/rating-tickets/${id}${action}`;

    // Another department's clerk cannot tell it from a ticket that does not exist.
    expectProblem(await system.http().get(url()).set(auth(otherClerk)), 404, 'rating_ticket.not_found');
    expectProblem(await post(otherClerk, url('/visit'), { note: '越权回访' }), 404, 'rating_ticket.not_found');
    expectProblem(await system.http().get(`/api/rating-tickets/${randomUUID()}`).set(auth(clerk)), 404, 'rating_ticket.not_found');
    expectProblem(await system.http().get('/api/rating-tickets/not-a-uuid').set(auth(clerk)), 400, 'request.bad_parameter', ['id']);
    // The department's work is the department's: a supervisor does not record the 回访.
    expectProblem(await post(supervisor, url('/visit'), { note: '督查回访' }), 403, 'rating_ticket.department_only');

    expectProblem(await post(clerk, url('/visit'), {}), 400, 'validation.failed', ['note']);
    expectProblem(await post(clerk, url('/visit'), { note: '   ' }), 400, 'validation.failed', ['note']);
    expectProblem(await post(clerk, url('/visit'), { note: 'x'.repeat(2001) }), 400, 'validation.failed', ['note']);
    expectProblem(await post(clerk, url('/rectify'), { note: '先整改' }), 409, 'rating_ticket.not_visited');

    const visited = await post(clerk, url('/visit'), { note: '已电话回访申请人' }).expect(200);
    expect(visited.body).toMatchObject({ status: 'visited', visits: [{ note: '已电话回访申请人', byName: expect.any(String) }] });
    expectProblem(await post(clerk, url('/close')), 403, ANY);
    expectProblem(await post(supervisor, url('/close')), 409, 'rating_ticket.not_rectified');

    const rectified = await post(clerk, url('/rectify'), { note: '增设取号机，缩短等候时间' }).expect(200);
    expect(rectified.body).toMatchObject({ status: 'rectified', rectification: { note: '增设取号机，缩短等候时间' } });
    const closed = await post(supervisor, url('/close')).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'resolved', closedAt: expect.any(String) });
    expectProblem(await post(clerk, url('/visit'), { note: '再次回访' }), 409, 'rating_ticket.closed');
    expectProblem(await post(supervisor, url('/close')), 409, 'rating_ticket.closed');
    expect((await system.http().get(url()).set(auth(clerk)).expect(200)).body).toMatchObject({ status: 'closed', visits: [{ note: '已电话回访申请人' }] });
  });

  it('an appeal waits for a supervisor: rejected goes back to work, upheld closes it and the rating leaves the score', async () => {
    const before = await departmentRatings();
    const { id: rejectedCase } = await rated(1, '乱评');
    const { id: upheldCase } = await rated(1, '恶意差评');
    const rejected = await ticketOf(rejectedCase);
    const upheld = await ticketOf(upheldCase);
    expect((await departmentRatings()).count).toBe(before.count + 2);

    await post(clerk, `/api/rating-tickets/${rejected.id}/visit`, { note: '已回访' }).expect(200);
    expectProblem(await post(clerk, `/api/rating-tickets/${rejected.id}/appeal`, { reason: '' }), 400, 'validation.failed', ['reason']);
    expectProblem(await post(otherClerk, `/api/rating-tickets/${rejected.id}/appeal`, { reason: '恶意差评' }), 404, 'rating_ticket.not_found');
    expect((await post(clerk, `/api/rating-tickets/${rejected.id}/appeal`, { reason: '申请人自行撤回，评价与服务无关' }).expect(200)).body).toMatchObject({
      status: 'appealed',
      appeal: { reason: '申请人自行撤回，评价与服务无关', upheld: null },
    });
    expectProblem(await post(clerk, `/api/rating-tickets/${rejected.id}/rectify`, { note: '整改' }), 409, 'rating_ticket.under_appeal');
    expectProblem(await post(clerk, `/api/rating-tickets/${rejected.id}/appeal-decision`, { upheld: true }), 403, ANY);
    expectProblem(await post(supervisor, `/api/rating-tickets/${rejected.id}/appeal-decision`, { upheld: 'yes' }), 400, 'validation.failed', ['upheld']);
    expect((await post(supervisor, `/api/rating-tickets/${rejected.id}/appeal-decision`, { upheld: false }).expect(200)).body).toMatchObject({
      status: 'visited',
      outcome: null,
      appeal: { upheld: false },
    });
    expectProblem(await post(clerk, `/api/rating-tickets/${rejected.id}/appeal`, { reason: '再次申诉' }), 409, 'rating_ticket.already_appealed');
    expectProblem(await post(supervisor, `/api/rating-tickets/${rejected.id}/appeal-decision`, { upheld: true }), 409, 'rating_ticket.not_appealed');

    await post(clerk, `/api/rating-tickets/${upheld.id}/appeal`, { reason: '申请人报复性差评' }).expect(200);
    expect((await post(supervisor, `/api/rating-tickets/${upheld.id}/appeal-decision`, { upheld: true }).expect(200)).body).toMatchObject({
      status: 'closed',
      outcome: 'appeal_upheld',
      appeal: { upheld: true },
    });
    // The upheld rating no longer counts for the department; the rejected one does.
    expect((await departmentRatings()).count).toBe(before.count + 1);
  });
});

async function departmentRatings(): Promise<{ count: number; low: number }> {
  const { body } = await system.http().get('/api/analytics/ratings').query({ groupBy: 'department', serviceItemCode: itemCode }).set(auth(supervisor)).expect(200);
  return body.items.find((row: { key: string }) => row.key === DEPARTMENT) ?? { count: 0, low: 0 };
}

describe('supervision of tickets', () => {
  it('the risk monitor flags an open ticket yellow near its due date and red past it; closed ones not at all', async () => {
    const { id: caseId } = await rated(2);
    const ticket = await ticketOf(caseId);
    const [{ due_at: dueAt }] = await db().query(`SELECT due_at FROM rating_ticket WHERE id = $1`, [ticket.id]);
    const forecast = async (asOf: Date) => {
      const { body } = await system.http().get('/api/risk-monitor/forecast').query({ asOf: asOf.toISOString(), caseId }).set(auth(supervisor)).expect(200);
      return (body.items as { kind: string; severity: string; facts: { ticketId: string }; detail: string }[]).filter((i) => i.kind.startsWith('rating_ticket'));
    };
    expect(await forecast(new Date())).toEqual([]);
    const soon = await forecast(new Date(dueAt.getTime() - 3_600_000));
    expect(soon).toEqual([expect.objectContaining({ kind: 'rating_ticket_due_soon', severity: 'yellow', facts: expect.objectContaining({ ticketId: ticket.id }) })]);
    const late = await forecast(new Date(dueAt.getTime() + 3_600_000));
    expect(late).toEqual([expect.objectContaining({ kind: 'rating_ticket_overdue', severity: 'red', detail: expect.stringContaining('差评整改工单已超期') })]);

    await post(clerk, `/api/rating-tickets/${ticket.id}/visit`, { note: '已回访' }).expect(200);
    await post(clerk, `/api/rating-tickets/${ticket.id}/rectify`, { note: '已整改' }).expect(200);
    await post(supervisor, `/api/rating-tickets/${ticket.id}/close`).expect(200);
    expect(await forecast(new Date(dueAt.getTime() + 3_600_000))).toEqual([]);
  });

  it('analytics count tickets opened and closed per department, with their turnaround', async () => {
    const report = async () => {
      const { body } = await system.http().get('/api/analytics/rating-tickets').query({ serviceItemCode: itemCode }).set(auth(supervisor)).expect(200);
      return body.items.find((row: { key: string }) => row.key === DEPARTMENT);
    };
    const before = (await report()) ?? { opened: 0, closed: 0, open: 0 };
    const { id: caseId } = await rated(1);
    const ticket = await ticketOf(caseId);
    await post(clerk, `/api/rating-tickets/${ticket.id}/visit`, { note: '已回访' }).expect(200);
    await post(clerk, `/api/rating-tickets/${ticket.id}/rectify`, { note: '已整改' }).expect(200);
    await post(supervisor, `/api/rating-tickets/${ticket.id}/close`).expect(200);
    await rated(2);
    const after = await report();
    expect(after).toMatchObject({ label: expect.any(String), opened: before.opened + 2, closed: before.closed + 1, open: before.open + 1 });
    expect(after.closedOnTime).toBe(after.closed);
    expect(after.averageTurnaroundDays).toEqual(expect.any(Number));
    const csv = await system.http().get('/api/analytics/rating-tickets').query({ serviceItemCode: itemCode }).set(auth(supervisor)).set('Accept', 'text/csv').expect(200);
    expect(csv.text).toContain('新增工单');
    expectProblem(await system.http().get('/api/analytics/rating-tickets').set(auth(clerk)), 403, ANY);
  });
});

describe('licence revocation (撤销)', () => {
  it('a supervisor revokes once with a reason; verification then answers valid: false; the holder is told; refusals are problems', async () => {
    const created = await apply();
    const task = await expect
      .poll(async () => (await system.http().get(`/api/tasks?caseId=${created.id}`).set(auth(clerk)).expect(200)).body.items[0]?.id as string | undefined, { timeout: 15_000 })
      .toBeDefined()
      .then(async () => (await system.http().get(`/api/tasks?caseId=${created.id}`).set(auth(clerk)).expect(200)).body.items[0].id as string);
    await post(clerk, `/api/tasks/${encodeURIComponent(task)}/decision`, { action: 'accept' }).expect(200);
    let code = '';
    await expect
      .poll(async () => {
        code = (await system.http().get(`/api/cases/${created.id}`).set(auth(citizen)).expect(200)).body.certificates[0]?.code ?? '';
        return code;
      }, { timeout: 15_000 })
      .not.toBe('');
    expect((await system.http().get(`/api/certificates/${code}/verify`).expect(200)).body).toMatchObject({ valid: true, revokedAt: null, reason: null });

    expectProblem(await post(clerk, `/api/certificates/${code}/revoke`, { reason: '越权' }), 403, ANY);
    expectProblem(await post(citizen, `/api/certificates/${code}/revoke`, { reason: '越权' }), 403, ANY);
    expectProblem(await system.http().post(`/api/certificates/${code}/revoke`).send({ reason: '匿名' }), 401, ANY);
    expectProblem(await post(supervisor, `/api/certificates/${code}/revoke`, {}), 400, 'validation.failed', ['reason']);
    expectProblem(await post(supervisor, `/api/certificates/${code}/revoke`, { reason: ' ' }), 400, 'validation.failed', ['reason']);
    expectProblem(await post(supervisor, '/api/certificates/0000-0000-0000-0000/revoke', { reason: '不存在' }), 404, 'certificate.not_found');

    const reason = '经核查，告知承诺内容与实际不符，依法撤销';
    const revoked = await post(supervisor, `/api/certificates/${code.toLowerCase()}/revoke`, { reason }).expect(200);
    expect(revoked.body).toMatchObject({ valid: false, code, revokedAt: expect.any(String), reason });
    expectProblem(await post(admin, `/api/certificates/${code}/revoke`, { reason: '再次撤销' }), 409, 'certificate.already_revoked');
    const verified = await system.http().get(`/api/certificates/${code}/verify`).expect(200);
    expect(verified.body).toMatchObject({ valid: false, revokedAt: revoked.body.revokedAt, reason });

    const events = await db().query(`SELECT action, reason, actor_name FROM certificate_event WHERE code = $1`, [code]);
    expect(events).toEqual([{ action: 'revoked', reason, actor_name: expect.any(String) }]);
    await expect
      .poll(async () => {
        const { body } = await system.http().get('/api/my/notifications?limit=100').set(auth(citizen)).expect(200);
        return (body.items as { template: string; data: { code?: string } }[]).filter((n) => n.template === 'certificate.revoked' && n.data.code === code).length;
      }, { timeout: 10_000 })
      .toBe(1);
  });
});
