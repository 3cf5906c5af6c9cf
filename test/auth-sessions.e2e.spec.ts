import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_JWT_SECRET } from '../src/config/app-config.js';
import { auth } from './support/drive.js';
import { claimsOf, signHs256, signedWith } from './support/jwt.js';
import { SEED_PASSWORD, startTestSystem, type TestSystem } from './support/system.js';

/**
 * Secrets, sessions, login back-off and the metrics endpoint (issue #12), mostly on two API processes
 * that share one PostgreSQL database and are started without JWT_SECRET, as an operator might. Every
 * system stays up until the end: in one test process the systems share @nestjs-cls' transaction host.
 */
const jwtSecret = randomBytes(32).toString('base64url');
const metricsToken = randomBytes(32).toString('base64url');
let a: TestSystem;
let b: TestSystem;
let withSecret: TestSystem;
let withMetricsToken: TestSystem;
let adminToken: string;

beforeAll(async () => {
  a = await startTestSystem('single-server');
  b = await startTestSystem('single-server', { ROLE: 'api' });
  withSecret = await startTestSystem('single-server', { JWT_SECRET: jwtSecret, ROLE: 'api' });
  withMetricsToken = await startTestSystem('single-server', { METRICS_TOKEN: metricsToken, ROLE: 'api' });
  adminToken = await a.login('admin');
});

afterAll(async () => {
  for (const system of [withMetricsToken, withSecret, b, a]) await system?.stopAll();
});

function expectProblem(body: Record<string, unknown>, status: number, code: string): void {
  expect(body).toMatchObject({ status, code, type: `urn:ywtb:problem:${code}` });
}

interface Account {
  id: string;
  username: string;
  password: string;
}

/** A clerk of market-regulation of the test's own, so no other test's sessions are touched. */
async function newClerk(): Promise<Account> {
  const username = `sess.${randomUUID().slice(0, 8)}`;
  const password = 'A-long-passphrase-1';
  const created = await a
    .http()
    .post('/api/users')
    .set(auth(adminToken))
    .send({ username, password, roles: ['clerk'], departmentCode: 'market-regulation', displayName: '会话测试' })
    .expect(201);
  return { id: created.body.id as string, username, password };
}

const me = (system: TestSystem, token: string) => system.http().get('/api/me').set(auth(token));

describe('the signing secret', () => {
  it('without JWT_SECRET, two processes share one generated secret, which is not the published development secret', async () => {
    const token = await a.login('citizen1');
    expect((await me(b, token).expect(200)).body.username).toBe('citizen1');
    expect(signedWith(token, DEVELOPMENT_JWT_SECRET)).toBe(false);
  });

  it('refuses a token signed with the published development secret in single-server mode', async () => {
    const login = await a.http().post('/api/auth/login').send({ username: 'admin', password: SEED_PASSWORD }).expect(200);
    const { sub, ver } = claimsOf(login.body.accessToken as string);
    const forged = signHs256({ sub, ver, roles: ['admin'] }, DEVELOPMENT_JWT_SECRET);
    for (const system of [a, b]) {
      expectProblem((await system.http().get('/api/users').set(auth(forged)).expect(401)).body, 401, 'auth.unauthenticated');
    }
  });
});

describe('sessions end when the account changes', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a password change', { password: 'Another-passphrase-9' }],
    ['disabling the account', { disabled: true }],
    ['a role change', { roles: ['supervisor'] }],
    ['a department change', { departmentCode: 'health' }],
  ])('%s ends every session issued before it, in every process', async (_, change) => {
    const clerk = await newClerk();
    const token = await a.login(clerk.username, clerk.password);
    await me(a, token).expect(200);
    await me(b, token).expect(200);
    await a.http().patch(`/api/users/${clerk.id}`).set(auth(adminToken)).send(change).expect(200);
    for (const system of [a, b]) expect((await me(system, token)).status).toBe(401);
    if (change.disabled) return;
    const again = await a.login(clerk.username, (change.password as string | undefined) ?? clerk.password);
    const caller = (await me(b, again).expect(200)).body;
    expect(caller).toMatchObject({ roles: change.roles ?? ['clerk'], departmentCode: change.departmentCode ?? 'market-regulation' });
  });

  it('says why: the session ended, sign in again', async () => {
    const clerk = await newClerk();
    const token = await a.login(clerk.username, clerk.password);
    await a.http().patch(`/api/users/${clerk.id}`).set(auth(adminToken)).send({ roles: ['supervisor'] }).expect(200);
    expectProblem((await me(a, token).expect(401)).body, 401, 'auth.session_ended');
  });

  it('keeps the session through a change of display name', async () => {
    const clerk = await newClerk();
    const token = await a.login(clerk.username, clerk.password);
    await me(b, token).expect(200);
    await a.http().patch(`/api/users/${clerk.id}`).set(auth(adminToken)).send({ displayName: '改名了' }).expect(200);
    expect((await me(a, token).expect(200)).body.displayName).toBe('改名了');
    await expect.poll(async () => (await me(b, token).expect(200)).body.displayName, { timeout: 1_500, interval: 50 }).toBe('改名了');
  });

  it('another process refuses an ended session at once, not when its cache of the account runs out', async () => {
    const clerk = await newClerk();
    const token = await a.login(clerk.username, clerk.password);
    await me(b, token).expect(200);
    await a.http().patch(`/api/users/${clerk.id}`).set(auth(adminToken)).send({ roles: ['supervisor'] }).expect(200);
    // Well inside the few seconds the cache keeps an account: the change is announced, not waited out.
    await expect.poll(async () => (await me(b, token)).status, { timeout: 1_500, interval: 50 }).toBe(401);
  });
});

describe('tokens signed with the right key but the wrong claims', () => {
  it('signs with JWT_SECRET when it is set', async () => {
    expect(signedWith(await withSecret.login('citizen1'), jwtSecret)).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['no sub', { ver: 1 }],
    ['a sub that is not a UUID', { sub: 'not-a-uuid', ver: 1 }],
    ['a sub that is an ID number', { sub: '22010219400101123X', ver: 1 }],
    ['a numeric sub', { sub: 42, ver: 1 }],
    ['the sub of nobody', { sub: randomUUID(), ver: 1 }],
    ['no session version', { sub: '00000000-0000-4000-8000-000000000000' }],
  ])('%s is a 401', async (_, claims) => {
    const response = await withSecret.http().get('/api/me').set(auth(signHs256(claims, jwtSecret))).expect(401);
    expectProblem(response.body, 401, 'auth.unauthenticated');
  });
});

describe('per-account login back-off', () => {
  const attempt = (system: TestSystem, username: string, password: string) =>
    system.http().post('/api/auth/login').send({ username, password });

  /** Statuses, codes and details of five wrong passwords and then the given one, alternating processes. */
  async function sixAttempts(username: string, lastPassword: string) {
    const answers = [];
    for (let i = 0; i < 6; i++) {
      const response = await attempt(i % 2 === 0 ? a : b, username, i < 5 ? `wrong-${i}` : lastPassword);
      answers.push({ status: response.status, code: response.body.code, detail: response.body.detail, retryAfter: response.headers['retry-after'] });
    }
    return answers;
  }

  it('refuses a sixth attempt after five failures, even with the right password, with 429 and Retry-After, in every process', async () => {
    const clerk = await newClerk();
    const answers = await sixAttempts(clerk.username, clerk.password);
    expect(answers.slice(0, 5).map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
    expect(answers[5]).toMatchObject({ status: 429, code: 'auth.too_many_attempts' });
    expect(Number(answers[5]!.retryAfter)).toBeGreaterThanOrEqual(1);
    const refused = await attempt(a, clerk.username, clerk.password).expect(429);
    expectProblem(refused.body, 429, 'auth.too_many_attempts');
    // Other accounts sign in as usual.
    await a.login('citizen2');
  });

  it('answers for a username that does not exist exactly as for one that does', async () => {
    const clerk = await newClerk();
    const known = await sixAttempts(clerk.username, clerk.password);
    const unknown = await sixAttempts(`nobody.${randomUUID().slice(0, 8)}`, clerk.password);
    const shape = (answers: typeof known) => answers.map(({ status, code, detail, retryAfter }) => ({ status, code, detail, retried: retryAfter !== undefined }));
    expect(shape(unknown)).toEqual(shape(known));
  });

  it('counts consecutive failures only: a success starts again from zero', async () => {
    const clerk = await newClerk();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) await attempt(round === 0 ? a : b, clerk.username, 'wrong-password').expect(401);
      await attempt(b, clerk.username, clerk.password).expect(200);
    }
  });
});

describe('/api/metrics', () => {
  const metrics = () => withMetricsToken.http().get('/api/metrics');

  it('answers an admin and the holder of METRICS_TOKEN', async () => {
    expect((await metrics().set(auth(await withMetricsToken.login('admin'))).expect(200)).text).toMatch(/process_cpu_user_seconds_total/);
    expect((await metrics().set(auth(metricsToken)).expect(200)).text).toMatch(/process_cpu_user_seconds_total/);
  });

  it('is 401 without a token or with a wrong one, and 403 for a signed-in non-admin', async () => {
    expectProblem((await metrics().expect(401)).body, 401, 'auth.unauthenticated');
    expectProblem((await metrics().set(auth(randomBytes(32).toString('base64url'))).expect(401)).body, 401, 'auth.unauthenticated');
    expectProblem((await metrics().set(auth(`${metricsToken}x`)).expect(401)).body, 401, 'auth.unauthenticated');
    expectProblem((await metrics().set(auth(await withMetricsToken.login('supervisor'))).expect(403)).body, 403, 'auth.forbidden');
  });

  it('takes no METRICS_TOKEN where none is configured', async () => {
    expectProblem((await a.http().get('/api/metrics').set(auth(metricsToken)).expect(401)).body, 401, 'auth.unauthenticated');
    await a.http().get('/api/metrics').set(auth(adminToken)).expect(200);
  });

  it('METRICS_TOKEN opens nothing else', async () => {
    await withMetricsToken.http().get('/api/me').set(auth(metricsToken)).expect(401);
    await withMetricsToken.http().get('/api/users').set(auth(metricsToken)).expect(401);
  });
});
