import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem } from './support/applicant.js';
import { auth, waitForTask } from './support/drive.js';
import { IdentitySweep } from '../src/identity/identity-sweep.js';
import { ClockService } from '../src/time/clock.service.js';
import { database, phoneNumber, smsInbox } from './support/identity.js';
import { startTestSystem, type TestSystem } from './support/system.js';
import { enterpriseLine, idNumberOf, personLine, usccOf } from './support/registry-fixtures.js';

/**
 * Issue #17 through the HTTP API: registration with SMS codes, sessions with refresh tokens, agents
 * (代办), counter intake (窗口代录) and enterprise accounts, each with the bad inputs a person sends.
 */
let system: TestSystem;
let admin: string;
let inbox: ReturnType<typeof smsInbox>;
const PASSWORD = 'A-long-passphrase-2026';
const FOOD = '2201-SC-0001';

beforeAll(async () => {
  system = await startTestSystem('single-server');
  admin = await system.login('admin');
  inbox = smsInbox(system);
});

afterAll(async () => {
  await system?.stopAll();
});

async function codeFor(phone: string): Promise<string> {
  await system.http().post('/api/auth/sms-code').send({ phone }).expect(202);
  return inbox.last(phone)!;
}

async function register(overrides: Record<string, unknown>, status: number) {
  const phone = (overrides.phone as string | undefined) ?? phoneNumber();
  const code = await codeFor(phone);
  return system.http().post('/api/auth/register').send({ phone, code, name: '王小明', idNumber: idNumberOf('M', 1990).idNumber, password: PASSWORD, ...overrides }).expect(status);
}

async function citizen(name = '测试公民', roles = ['citizen'], departmentCode?: string): Promise<{ id: string; username: string; token: string }> {
  const username = `id-test.${randomUUID().slice(0, 8)}`;
  const { body } = await system.http().post('/api/users').set(auth(admin)).send({ username, password: PASSWORD, roles, departmentCode, displayName: name }).expect(201);
  return { id: body.id, username, token: await system.login(username, PASSWORD) };
}

async function foodApplication(token: string, extra: Record<string, unknown> = {}) {
  const item = await serviceItem(system, FOOD);
  return { serviceItemCode: FOOD, form: exampleForm(item), materials: await requiredMaterials(system, token, item, ['foodSafetySystem', 'foodSafetyManagerProof']), ...extra };
}

const tomorrow = () => new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);

describe('SMS codes', () => {
  it('sends six digits, once a minute per phone, and refuses numbers that are not mobile numbers', async () => {
    const phone = phoneNumber();
    await system.http().post('/api/auth/sms-code').send({ phone }).expect(202);
    expect(inbox.last(phone)).toMatch(/^\d{6}$/);
    const again = await system.http().post('/api/auth/sms-code').send({ phone }).expect(429);
    expect(again.body.code).toBe('auth.sms_code_too_soon');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    const bad = await system.http().post('/api/auth/sms-code').send({ phone: '12345' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'phone' })]);
  });

  it('stores neither the phone nor the code in clear', async () => {
    const phone = phoneNumber();
    const code = await codeFor(phone);
    const rows = await database(system).query(`SELECT encode(phone_hash, 'hex') AS p, encode(code_hash, 'hex') AS c FROM sms_code ORDER BY created_at DESC LIMIT 1`);
    expect(JSON.stringify(rows)).not.toContain(phone);
    expect(rows[0].c).not.toContain(code);
  });
});

describe('the hourly sweep', () => {
  it('forgets codes a day old and sessions whose refresh tokens are gone, which then count as signed out', async () => {
    const phone = phoneNumber();
    await codeFor(phone);
    const login = await system.http().post('/api/auth/login').send({ username: (await citizen()).username, password: PASSWORD }).expect(200);
    const db = database(system);
    await db.query(`UPDATE sms_code SET created_at = now() - interval '25 hours' WHERE id = (SELECT id FROM sms_code ORDER BY created_at DESC LIMIT 1) RETURNING id`);
    const [session] = await db.query(`SELECT session_id AS id FROM refresh_token ORDER BY created_at DESC LIMIT 1`);
    await db.query(`UPDATE refresh_token SET expires_at = now() - interval '2 days' WHERE session_id = $1`, [session.id]);
    await db.query(`UPDATE auth_session SET created_at = now() - interval '60 days' WHERE id = $1`, [session.id]);
    await system.app.get(IdentitySweep, { strict: false }).sweep();
    expect(await db.query(`SELECT 1 FROM auth_session WHERE id = $1`, [session.id])).toEqual([]);
    expect(await db.query(`SELECT 1 FROM sms_code WHERE created_at < now() - interval '1 day'`)).toEqual([]);
    // The access token of a forgotten session no longer works (after the few seconds a process caches it).
    await expect.poll(async () => (await system.http().get('/api/me').set(auth(login.body.accessToken))).status, { timeout: 10_000, interval: 500 }).toBe(401);
  });
});

describe('registration', () => {
  it('creates a citizen who is signed in at once; the same person again is a 409', async () => {
    const { idNumber } = idNumberOf('F', 1985);
    const first = await register({ idNumber, name: '赵丽' }, 201);
    expect(first.body).toEqual(expect.objectContaining({ id: expect.any(String), username: expect.stringMatching(/^p-/), realNameVerified: false }));
    const me = await system.http().get('/api/me').set(auth(first.body.accessToken)).expect(200);
    expect(me.body).toEqual(expect.objectContaining({ id: first.body.id, roles: ['citizen'], displayName: '赵丽' }));
    const again = await register({ idNumber, name: '赵丽' }, 409);
    expect(again.body.code).toBe('identity.person_registered');
    // The password works for sign-in too.
    await system.http().post('/api/auth/login').send({ username: first.body.username, password: PASSWORD }).expect(200);
  });

  it('matches the population registry: real-name verified, and a wrong name is refused', async () => {
    const person = personLine({ name: '孙建国' });
    await system.http().post('/api/registry/persons/import').set(auth(admin)).set('Content-Type', 'application/x-ndjson').send(`${JSON.stringify(person)}\n`).expect(200);
    const wrong = await register({ idNumber: person.idNumber, name: '孙建军' }, 422);
    expect(wrong.body).toEqual(expect.objectContaining({ code: 'identity.registry_mismatch', errors: [expect.objectContaining({ path: 'name' })] }));
    const right = await register({ idNumber: person.idNumber, name: "孙建国", username: `sun.${randomUUID().slice(0, 6)}` }, 201);
    expect(right.body.realNameVerified).toBe(true);
  });

  it("is open to a person whose number an enterprise account carries as its legal representative's", async () => {
    // The seeded enterprise1 holds 刘洋's ID number: that is the company's account, not hers.
    const registered = await register({ idNumber: '220102197906252011', name: '刘洋' }, 201);
    expect(registered.body.username).not.toBe('enterprise1');
  });

  it('refuses a wrong check digit, naming idNumber', async () => {
    const { idNumber } = idNumberOf('M', 1970);
    const wrongCheck = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0');
    const response = await register({ idNumber: wrongCheck }, 400);
    expect(response.body).toEqual(expect.objectContaining({ code: 'identity.invalid_id_number', errors: [expect.objectContaining({ path: 'idNumber', message: expect.stringContaining('id.checksum') })] }));
  });

  it('counts wrong codes: five tries, then the code is spent', async () => {
    const phone = phoneNumber();
    const code = await codeFor(phone);
    const wrong = code === '000000' ? '000001' : '000000';
    const body = { phone, name: '钱多多', idNumber: idNumberOf('M', 1988).idNumber, password: PASSWORD };
    for (let i = 0; i < 5; i++) {
      const response = await system.http().post('/api/auth/register').send({ ...body, code: wrong }).expect(400);
      expect(response.body).toEqual(expect.objectContaining({ code: 'auth.sms_code_wrong', errors: [expect.objectContaining({ path: 'code' })] }));
    }
    const spent = await system.http().post('/api/auth/register').send({ ...body, code }).expect(400);
    expect(spent.body.code).toBe('auth.sms_code_spent');
  });

  it("lets a code live five minutes by the system's clock", async () => {
    const phone = phoneNumber();
    const code = await codeFor(phone);
    const body = { phone, code, name: '周五分', idNumber: idNumberOf('M', 1983).idNumber, password: PASSWORD };
    const clock = vi.spyOn(system.app.get(ClockService, { strict: false }), 'now').mockImplementation(() => new Date(Date.now() + 5 * 60_000 + 1_000));
    try {
      expect((await system.http().post('/api/auth/register').send(body).expect(400)).body.code).toBe('auth.sms_code_expired');
    } finally {
      clock.mockRestore();
    }
    await system.http().post('/api/auth/register').send(body).expect(201);
  });

  it('refuses an expired code, and a code used once', async () => {
    const phone = phoneNumber();
    const code = await codeFor(phone);
    await database(system).query(`UPDATE sms_code SET expires_at = now() - interval '1 second' WHERE id = (SELECT id FROM sms_code ORDER BY created_at DESC LIMIT 1)`);
    const body = { phone, code, name: '李四', idNumber: idNumberOf('M', 1979).idNumber, password: PASSWORD };
    expect((await system.http().post('/api/auth/register').send(body).expect(400)).body.code).toBe('auth.sms_code_expired');

    const other = phoneNumber();
    const fresh = await codeFor(other);
    await system.http().post('/api/auth/register').send({ ...body, phone: other, code: fresh }).expect(201);
    const reused = await system.http().post('/api/auth/register').send({ ...body, phone: other, code: fresh, idNumber: idNumberOf('F', 1979).idNumber }).expect(400);
    expect(reused.body.code).toBe('auth.sms_code_expired');
  });
});

describe('provider sign-in, not configured', () => {
  it('says so, and its routes answer 404', async () => {
    expect((await system.http().get('/api/auth/providers').expect(200)).body).toEqual({ oidc: false });
    expect((await system.http().get('/api/auth/oidc/login').expect(404)).body.code).toBe('identity.oidc_not_configured');
  });
});

describe('sessions', () => {
  it('rotates refresh tokens; a used one coming back revokes the whole session', async () => {
    const login = await system.http().post('/api/auth/login').send({ username: 'citizen2', password: (await import('./support/system.js')).SEED_PASSWORD }).expect(200);
    expect(login.body).toEqual(expect.objectContaining({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 }));
    const first = login.body.refreshToken as string;
    const next = (await system.http().post('/api/auth/refresh').send({ refreshToken: first }).expect(200)).body;
    await system.http().get('/api/me').set(auth(next.accessToken)).expect(200);
    const reuse = await system.http().post('/api/auth/refresh').send({ refreshToken: first }).expect(401);
    expect(reuse.body.code).toBe('auth.refresh_reused');
    expect((await system.http().post('/api/auth/refresh').send({ refreshToken: next.refreshToken }).expect(401)).body.code).toBe('auth.session_revoked');
    expect((await system.http().get('/api/me').set(auth(next.accessToken)).expect(401)).body.code).toBe('auth.session_revoked');
    expect((await system.http().post('/api/auth/refresh').send({ refreshToken: 'x'.repeat(43) }).expect(401)).body.code).toBe('auth.refresh_invalid');
  });

  it('logout ends the access and the refresh token of that session only', async () => {
    const person = await citizen();
    const other = await system.http().post('/api/auth/login').send({ username: person.username, password: PASSWORD }).expect(200);
    const session = await system.http().post('/api/auth/login').send({ username: person.username, password: PASSWORD }).expect(200);
    await system.http().post('/api/auth/logout').send({ refreshToken: session.body.refreshToken }).expect(204);
    expect((await system.http().get('/api/me').set(auth(session.body.accessToken)).expect(401)).body.code).toBe('auth.session_revoked');
    await system.http().post('/api/auth/refresh').send({ refreshToken: session.body.refreshToken }).expect(401);
    await system.http().get('/api/me').set(auth(other.body.accessToken)).expect(200);
    await system.http().post('/api/auth/logout').send({ refreshToken: other.body.refreshToken }).expect(204);
    await system.http().get('/api/me').set(auth(other.body.accessToken)).expect(401);
    // An unknown token ends nothing and says nothing about it; a missing one is a 400 naming it.
    await system.http().post('/api/auth/logout').send({ refreshToken: 'y'.repeat(43) }).expect(204);
    expect((await system.http().post('/api/auth/logout').send({}).expect(400)).body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'refreshToken' })]));
  });
});

describe('agents (代办)', () => {
  it('lets an authorised agent apply for the principal; both see the case; the applicant name is masked to the agent', async () => {
    const principal = await citizen('周秀兰');
    const agent = await citizen('周建华');
    const refused = await system.http().post('/api/cases').set(auth(agent.token)).send(await foodApplication(agent.token, { onBehalfOf: principal.id })).expect(403);
    expect(refused.body.code).toBe('agent.not_authorised');

    const granted = await system.http().post('/api/my/agents').set(auth(principal.token)).send({ agentUsername: agent.username, serviceItemCodes: [FOOD], validUntil: tomorrow() }).expect(201);
    expect(granted.body).toEqual(expect.objectContaining({ status: 'active', serviceItemCodes: [FOOD], agent: expect.objectContaining({ id: agent.id }) }));
    expect((await system.http().get('/api/my/principals').set(auth(agent.token)).expect(200)).body.items).toEqual([expect.objectContaining({ id: granted.body.id })]);

    const made = await system.http().post('/api/cases').set(auth(agent.token)).send(await foodApplication(agent.token, { onBehalfOf: principal.id })).expect(201);
    const asAgent = (await system.http().get(`/api/cases/${made.body.id}`).set(auth(agent.token)).expect(200)).body;
    expect(asAgent).toEqual(expect.objectContaining({ channel: 'agent', applicant: { id: principal.id, name: '周*兰' }, agent: { id: agent.id, name: '周建华' } }));
    const asPrincipal = (await system.http().get(`/api/cases/${made.body.id}`).set(auth(principal.token)).expect(200)).body;
    expect(asPrincipal.applicant).toEqual({ id: principal.id, name: '周秀兰' });
    expect((await system.http().get('/api/cases').set(auth(principal.token)).expect(200)).body.items.map((c: { id: string }) => c.id)).toContain(made.body.id);
    expect((await system.http().get('/api/cases').set(auth(agent.token)).expect(200)).body.items.map((c: { id: string }) => c.id)).toContain(made.body.id);
    const notes = await database(system).query(`SELECT recipient_id AS "to", template FROM notification WHERE template = 'case.submitted_for_you' AND recipient_id = $1`, [principal.id]);
    expect(notes).toHaveLength(1);

    // Another item than the one authorised.
    const other = await system.http().post('/api/cases').set(auth(agent.token)).send({ serviceItemCode: '2201-MZ-0003', form: {}, materials: [], onBehalfOf: principal.id }).expect(403);
    expect(other.body.code).toBe('agent.item_not_authorised');

    // Expired: no new applications; the case made before goes on and stays visible.
    await database(system).query(`UPDATE agent_authorisation SET valid_until = now() - interval '1 second' WHERE id = $1`, [granted.body.id]);
    const expired = await system.http().post('/api/cases').set(auth(agent.token)).send(await foodApplication(agent.token, { onBehalfOf: principal.id })).expect(403);
    expect(expired.body.code).toBe('agent.authorisation_expired');
    await system.http().get(`/api/cases/${made.body.id}`).set(auth(agent.token)).expect(200);
  });

  it('stops new applications once revoked', async () => {
    const principal = await citizen('吴老太');
    const agent = await citizen('吴小弟');
    const granted = await system.http().post('/api/my/agents').set(auth(principal.token)).send({ agentUsername: agent.username, validUntil: tomorrow() }).expect(201);
    await system.http().post('/api/cases').set(auth(agent.token)).send(await foodApplication(agent.token, { onBehalfOf: principal.id })).expect(201);
    const revoked = await system.http().delete(`/api/my/agents/${granted.body.id}`).set(auth(principal.token)).expect(200);
    expect(revoked.body.status).toBe('revoked');
    const refused = await system.http().post('/api/cases').set(auth(agent.token)).send(await foodApplication(agent.token, { onBehalfOf: principal.id })).expect(403);
    expect(refused.body.code).toBe('agent.authorisation_revoked');
    expect((await system.http().get('/api/my/agents').set(auth(principal.token)).expect(200)).body.items).toEqual([expect.objectContaining({ id: granted.body.id, status: 'revoked' })]);
  });

  it('refuses authorisations that could never work', async () => {
    const principal = await citizen();
    const post = (body: Record<string, unknown>) => system.http().post('/api/my/agents').set(auth(principal.token)).send(body);
    expect((await post({ agentUsername: 'no.such.person', validUntil: tomorrow() }).expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'agentUsername' })]);
    expect((await post({ agentUsername: principal.username, validUntil: tomorrow() }).expect(400)).body.code).toBe('agent.self');
    expect((await post({ agentUsername: 'citizen2', validUntil: '2020-01-01' }).expect(400)).body.code).toBe('agent.valid_until_past');
    expect((await post({ agentUsername: 'citizen2', validUntil: tomorrow(), serviceItemCodes: ['NO-SUCH'] }).expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'serviceItemCodes[0]' })]);
    expect((await system.http().delete(`/api/my/agents/${randomUUID()}`).set(auth(principal.token)).expect(404)).body.code).toBe('agent.authorisation_not_found');
  });

  it('keeps an agent who is also a clerk out of deciding the case (回避)', async () => {
    const principal = await citizen('郑大爷');
    const clerk = await citizen('郑窗口', ['citizen', 'clerk'], 'market-regulation');
    await system.http().post('/api/my/agents').set(auth(principal.token)).send({ agentUsername: clerk.username, validUntil: tomorrow() }).expect(201);
    const made = await system.http().post('/api/cases').set(auth(clerk.token)).send(await foodApplication(clerk.token, { onBehalfOf: principal.id })).expect(201);
    const task = await waitForTask(system, 'market-regulation', made.body.id, 'accept');
    const claim = await system.http().post(`/api/tasks/${encodeURIComponent(task.id)}/claim`).set(auth(clerk.token)).expect(403);
    expect(claim.body.code).toBe('task.conflict_of_interest');
  });
});

describe('counter intake (窗口代录)', () => {
  it('enters a case for a walk-in, reserves their account, keeps the clerk out of deciding it, and the person sees it after registering', async () => {
    const clerk = await citizen('柜台小王', ['clerk'], 'market-regulation');
    const { idNumber } = idNumberOf('F', 1950);
    const entered = await system
      .http()
      .post('/api/counter/cases')
      .set(auth(clerk.token))
      .send({ ...(await foodApplication(clerk.token)), applicant: { idNumber, name: '刘桂芝', phone: phoneNumber() } })
      .expect(201);
    expect(entered.body).toEqual(expect.objectContaining({ channel: 'counter', accountReserved: true, caseNo: expect.any(String) }));

    const task = await waitForTask(system, 'market-regulation', entered.body.id, 'accept');
    expect((await system.http().post(`/api/tasks/${encodeURIComponent(task.id)}/claim`).set(auth(clerk.token)).expect(403)).body.code).toBe('task.conflict_of_interest');
    await system.http().post(`/api/tasks/${encodeURIComponent(task.id)}/claim`).set(auth(await system.login('clerk.market-regulation'))).expect(200);

    // A second case for the same person finds the reserved account.
    const second = await system
      .http()
      .post('/api/counter/cases')
      .set(auth(clerk.token))
      .send({ ...(await foodApplication(clerk.token)), applicant: { idNumber, name: '刘桂芝' } })
      .expect(201);
    expect(second.body).toEqual(expect.objectContaining({ accountReserved: false, applicantId: entered.body.applicantId }));

    // The reserved account cannot be signed in to; registering takes it over, with its cases.
    expect((await register({ idNumber, name: '刘桂花' }, 422)).body.code).toBe('identity.registry_mismatch');
    const registered = await register({ idNumber, name: '刘桂芝' }, 201);
    expect(registered.body.id).toBe(entered.body.applicantId);
    const mine = (await system.http().get('/api/cases').set(auth(registered.body.accessToken)).expect(200)).body.items.map((c: { id: string }) => c.id);
    expect(mine).toEqual(expect.arrayContaining([entered.body.id, second.body.id]));
    const view = (await system.http().get(`/api/cases/${entered.body.id}`).set(auth(registered.body.accessToken)).expect(200)).body;
    expect(view).toEqual(expect.objectContaining({ channel: 'counter', applicant: { id: registered.body.id, name: '刘桂芝' }, agent: null }));
  });

  it('lets the entering clerk follow the case up, whatever their department', async () => {
    const clerk = await citizen('综合窗口小李', ['clerk'], 'human-resources');
    const entered = await system
      .http()
      .post('/api/counter/cases')
      .set(auth(clerk.token))
      .send({ ...(await foodApplication(clerk.token)), applicant: { idNumber: idNumberOf('M', 1966).idNumber, name: '马德胜' } })
      .expect(201);
    await system.http().get(`/api/cases/${entered.body.id}`).set(auth(clerk.token)).expect(200);
    const listed = (await system.http().get('/api/cases').set(auth(clerk.token)).expect(200)).body.items.map((c: { id: string }) => c.id);
    expect(listed).toContain(entered.body.id);
    await system.http().get(`/api/cases/${entered.body.id}`).set(auth(await system.login('clerk.civil-affairs'))).expect(404);
  });

  it('refuses a citizen at the counter API, a wrong check digit and a name that does not match', async () => {
    const person = await citizen();
    const clerk = await system.login('clerk.market-regulation');
    const body = { serviceItemCode: FOOD, form: {}, materials: [], applicant: { idNumber: idNumberOf('M', 1960).idNumber, name: '某人' } };
    const citizenAtCounter = await system.http().post('/api/counter/cases').set(auth(person.token)).send(body).expect(403);
    expect(citizenAtCounter.headers['content-type']).toContain('application/problem+json');
    expect(citizenAtCounter.body).toEqual(expect.objectContaining({ status: 403, code: 'auth.forbidden', detail: expect.stringContaining('clerk') }));
    const bad = { ...body, applicant: { ...body.applicant, idNumber: body.applicant.idNumber.slice(0, 17) + (body.applicant.idNumber[17] === '1' ? '2' : '1') } };
    const refused = await system.http().post('/api/counter/cases').set(auth(clerk)).send(bad).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'applicant.idNumber' })]);
    const { idNumber } = idNumberOf('M', 1975);
    await register({ idNumber, name: '陈真' }, 201);
    const mismatch = await system.http().post('/api/counter/cases').set(auth(clerk)).send({ ...body, applicant: { idNumber, name: '陈假' } }).expect(422);
    expect(mismatch.body).toEqual(expect.objectContaining({ code: 'counter.name_mismatch', errors: [expect.objectContaining({ path: 'applicant.name' })] }));
  });
});

describe('enterprise accounts', () => {
  it('binds an account to a credit code; the legal representative and a 经办人 apply for it', async () => {
    const boss = await citizen('黄老板');
    const handler = await citizen('黄经办');
    const uscc = usccOf();
    expect((await system.http().post('/api/my/enterprises').set(auth(boss.token)).send({ uscc: uscc.toLowerCase(), name: '某公司' }).expect(400)).body.code).toBe('identity.invalid_uscc');
    const made = await system.http().post('/api/my/enterprises').set(auth(boss.token)).send({ uscc, name: '长春市南关区黄记餐饮有限公司' }).expect(201);
    expect(made.body).toEqual(expect.objectContaining({ uscc, role: 'legal_representative', registryVerified: false }));
    expect((await system.http().post('/api/my/enterprises').set(auth(handler.token)).send({ uscc, name: '长春市南关区黄记餐饮有限公司' }).expect(409)).body.code).toBe('identity.enterprise_registered');

    await system.http().post(`/api/my/enterprises/${made.body.id}/handlers`).set(auth(handler.token)).send({ agentUsername: boss.username, validUntil: tomorrow() }).expect(403);
    await system.http().post(`/api/my/enterprises/${made.body.id}/handlers`).set(auth(boss.token)).send({ agentUsername: handler.username, serviceItemCodes: [FOOD], validUntil: tomorrow() }).expect(201);
    expect((await system.http().get('/api/my/enterprises').set(auth(handler.token)).expect(200)).body.items).toEqual([expect.objectContaining({ id: made.body.id, role: 'handler' })]);

    const byBoss = await system.http().post('/api/cases').set(auth(boss.token)).send(await foodApplication(boss.token, { onBehalfOf: made.body.id })).expect(201);
    const byHandler = await system.http().post('/api/cases').set(auth(handler.token)).send(await foodApplication(handler.token, { onBehalfOf: made.body.id })).expect(201);
    const view = (await system.http().get(`/api/cases/${byHandler.body.id}`).set(auth(handler.token)).expect(200)).body;
    expect(view).toEqual(expect.objectContaining({ channel: 'agent', applicant: expect.objectContaining({ id: made.body.id }) }));
    expect(byBoss.body.id).not.toBe(byHandler.body.id);
  });

  it("shows the legal representative every case of the enterprise and lets them carry it on; the 经办人 sees only their own; the enterprise's name is in clear", async () => {
    const boss = await citizen('林法人');
    const handler = await citizen('林经办');
    const other = await citizen('林同事');
    const name = '长春市南关区林氏商贸有限公司';
    const made = await system.http().post('/api/my/enterprises').set(auth(boss.token)).send({ uscc: usccOf(), name }).expect(201);
    for (const who of [handler, other]) {
      await system.http().post(`/api/my/enterprises/${made.body.id}/handlers`).set(auth(boss.token)).send({ agentUsername: who.username, validUntil: tomorrow() }).expect(201);
    }
    const byHandler = await system.http().post('/api/cases').set(auth(handler.token)).send(await foodApplication(handler.token, { onBehalfOf: made.body.id })).expect(201);
    const byOther = await system.http().post('/api/cases').set(auth(other.token)).send(await foodApplication(other.token, { onBehalfOf: made.body.id })).expect(201);

    const listed = (token: string) => system.http().get('/api/cases').set(auth(token)).expect(200).then((r) => r.body.items.map((c: { id: string }) => c.id));
    expect(await listed(boss.token)).toEqual(expect.arrayContaining([byHandler.body.id, byOther.body.id]));
    expect(await listed(handler.token)).toContain(byHandler.body.id);
    expect(await listed(handler.token)).not.toContain(byOther.body.id);
    await system.http().get(`/api/cases/${byOther.body.id}`).set(auth(handler.token)).expect(404);

    const asBoss = (await system.http().get(`/api/cases/${byHandler.body.id}`).set(auth(boss.token)).expect(200)).body;
    expect(asBoss).toEqual(expect.objectContaining({ channel: 'agent', applicant: { id: made.body.id, name }, agent: { id: handler.id, name: '林经办' } }));
    const asHandler = (await system.http().get(`/api/cases/${byHandler.body.id}`).set(auth(handler.token)).expect(200)).body;
    expect(asHandler.applicant).toEqual({ id: made.body.id, name });
    // The legal representative carries on a case a 经办人 made; a stranger does not even find it.
    await system.http().post(`/api/cases/${byOther.body.id}/withdraw`).set(auth(await citizen('路人甲').then((c) => c.token))).expect(404);
    const withdrawn = await system.http().post(`/api/cases/${byOther.body.id}/withdraw`).set(auth(boss.token)).expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  it("lists the caller's own authorisation with each enterprise, so a revoked 经办人 sees why they may no longer apply", async () => {
    const boss = await citizen('钟法人');
    const handler = await citizen('钟经办');
    const made = await system.http().post('/api/my/enterprises').set(auth(boss.token)).send({ uscc: usccOf(), name: '长春市南关区钟记五金有限公司' }).expect(201);
    const granted = await system.http().post(`/api/my/enterprises/${made.body.id}/handlers`).set(auth(boss.token)).send({ agentUsername: handler.username, serviceItemCodes: [FOOD], validUntil: tomorrow() }).expect(201);
    expect(granted.body).toEqual(expect.objectContaining({ kind: 'handler', status: 'active' }));

    const mine = async (token: string) => (await system.http().get('/api/my/enterprises').set(auth(token)).expect(200)).body.items;
    expect(await mine(handler.token)).toEqual([
      expect.objectContaining({ id: made.body.id, role: 'handler', legalRepresentative: { id: boss.id, name: '钟法人' }, authorisation: { id: granted.body.id, status: 'active', serviceItemCodes: [FOOD], validUntil: tomorrow() } }),
    ]);
    expect(await mine(boss.token)).toEqual([expect.objectContaining({ role: 'legal_representative', authorisation: expect.objectContaining({ status: 'active', serviceItemCodes: null }) })]);

    await system.http().delete(`/api/my/enterprises/${made.body.id}/handlers/${granted.body.id}`).set(auth(handler.token)).expect(403);
    await system.http().delete(`/api/my/enterprises/${made.body.id}/handlers/${granted.body.id}`).set(auth(boss.token)).expect(200);
    expect((await mine(handler.token))[0].authorisation.status).toBe('revoked');
    const refused = await system.http().post('/api/cases').set(auth(handler.token)).send(await foodApplication(handler.token, { onBehalfOf: made.body.id })).expect(403);
    expect(refused.body.code).toBe('agent.authorisation_revoked');
    const handlers = (await system.http().get(`/api/my/enterprises/${made.body.id}/handlers`).set(auth(boss.token)).expect(200)).body.items;
    expect(handlers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: granted.body.id, kind: 'handler', status: 'revoked' }),
        expect.objectContaining({ kind: 'legal_representative', status: 'active', agent: expect.objectContaining({ id: boss.id }) }),
      ]),
    );
    // The legal representative's own standing is not an authorisation to take back.
    const own = handlers.find((a: { kind: string }) => a.kind === 'legal_representative');
    const kept = await system.http().delete(`/api/my/enterprises/${made.body.id}/handlers/${own.id}`).set(auth(boss.token)).expect(409);
    expect(kept.body.code).toBe('identity.legal_representative_stays');
  });

  it('checks the credit code and the name against the legal-entity registry', async () => {
    const boss = await citizen('宋法人');
    const line = enterpriseLine({ name: '长春市南关区宋氏食品有限公司' });
    await system.http().post('/api/registry/enterprises/import').set(auth(admin)).set('Content-Type', 'application/x-ndjson').send(`${JSON.stringify(line)}\n`).expect(200);
    const wrong = await system.http().post('/api/my/enterprises').set(auth(boss.token)).send({ uscc: line.uscc, name: '长春市南关区宋氏饮品有限公司' }).expect(422);
    expect(wrong.body).toEqual(expect.objectContaining({ code: 'identity.registry_mismatch', errors: [expect.objectContaining({ path: 'name' })] }));
    const badCheck = line.uscc.slice(0, 17) + (line.uscc[17] === '0' ? '1' : '0');
    const invalid = await system.http().post('/api/my/enterprises').set(auth(boss.token)).send({ uscc: badCheck, name: '某公司' }).expect(400);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ path: 'uscc' })]);
    const right = await system.http().post('/api/my/enterprises').set(auth(boss.token)).send({ uscc: line.uscc, name: line.name }).expect(201);
    expect(right.body).toEqual(expect.objectContaining({ registryVerified: true, role: 'legal_representative' }));
  });

  it('refuses a 经办人 who is not a citizen who can sign in, and the enterprise itself', async () => {
    const boss = await citizen('汤法人');
    const uscc = usccOf();
    const made = await system.http().post('/api/my/enterprises').set(auth(boss.token)).send({ uscc, name: '长春市南关区汤记商行有限公司' }).expect(201);
    const post = (agentUsername: string) => system.http().post(`/api/my/enterprises/${made.body.id}/handlers`).set(auth(boss.token)).send({ agentUsername, validUntil: tomorrow() });
    expect((await post(`e-${uscc.toLowerCase()}`).expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'agentUsername' })]);
    expect((await post('clerk.market-regulation').expect(400)).body.code).toBe('agent.unknown_agent');
    expect((await system.http().get(`/api/my/enterprises/${randomUUID()}/handlers`).set(auth(boss.token)).expect(404)).body.code).toBe('identity.enterprise_not_found');
  });
});
