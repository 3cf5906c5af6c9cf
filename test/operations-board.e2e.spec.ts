import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokens } from '../src/auth/access-tokens.js';
import { UserSessions } from '../src/users/user-sessions.service.js';
import { auth } from './support/drive.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * The queue dashboard (issue 15) at /api/operations/board: admins only, reached from the pages through a
 * ticket cookie that an authenticated POST sets. bull-board on Redis; a summary page on the PostgreSQL
 * queue backend (embedded and single-server modes).
 */
const BOARD = '/api/operations/board';

/** The ticket cookie an admin's POST sets, as a Cookie header, and its Set-Cookie attributes. */
async function openBoard(system: TestSystem, token: string): Promise<{ cookie: string; setCookie: string; body: Record<string, unknown> }> {
  const response = await system.http().post(`${BOARD}/session`).set(auth(token)).expect(200);
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('ywtb_board='));
  expect(setCookie).toBeDefined();
  return { cookie: setCookie!.split(';')[0]!, setCookie: setCookie!, body: response.body };
}

/** A ticket minted for any account (white-box: the API mints them for admins only). */
async function ticketFor(system: TestSystem, token: string): Promise<string> {
  const me = (await system.http().get('/api/me').set(auth(token)).expect(200)).body as { id: string };
  const account = await system.app.get(UserSessions).account(me.id);
  return `ywtb_board=${await system.app.get(AccessTokens).issueBoardTicket(account!, null, 600)}`;
}

describe('on Redis: bull-board behind the admin guard', () => {
  let system: TestSystem;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    system = await startTestSystem('production', { QUEUE_PREFIX: `board-${randomUUID().slice(0, 8)}` });
    for (const user of ['admin', 'citizen1', 'clerk.market-regulation', 'supervisor']) tokens[user] = await system.login(user);
  });
  afterAll(async () => {
    await system?.stopAll();
  });

  it('refuses the anonymous (401), citizens, clerks and supervisors (403), by token or by ticket', async () => {
    for (const path of [`${BOARD}/`, `${BOARD}/api/queues`]) {
      const anonymous = await system.http().get(path).expect(401);
      expect(anonymous.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(anonymous.body.code).toBe('auth.unauthenticated');
      for (const user of ['citizen1', 'clerk.market-regulation', 'supervisor']) {
        expect((await system.http().get(path).set(auth(tokens[user]!)).expect(403)).body.code).toBe('auth.forbidden');
        expect((await system.http().get(path).set('Cookie', await ticketFor(system, tokens[user]!)).expect(403)).body.code).toBe('auth.forbidden');
      }
    }
    // Only admins get a ticket.
    await system.http().post(`${BOARD}/session`).expect(401);
    for (const user of ['citizen1', 'clerk.market-regulation', 'supervisor']) await system.http().post(`${BOARD}/session`).set(auth(tokens[user]!)).expect(403);
    // A forged or expired-looking ticket is not one.
    await system.http().get(`${BOARD}/`).set('Cookie', 'ywtb_board=not-a-ticket').expect(401);
  });

  it('gives an admin a ticket cookie (HttpOnly, SameSite=Strict, scoped to the board, ten minutes) that opens the board and its API', async () => {
    const { cookie, setCookie, body } = await openBoard(system, tokens.admin!);
    expect(body).toMatchObject({ url: `${BOARD}/`, board: 'bull-board' });
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/api\/operations\/board(;|$)/);
    expect(setCookie).toMatch(/Max-Age=600/);

    const page = await system.http().get(`${BOARD}/`).set('Cookie', cookie).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('__UI_CONFIG__');
    const queues = await system.http().get(`${BOARD}/api/queues`).set('Cookie', cookie).expect(200);
    expect((queues.body.queues as Array<{ name: string }>).map((q) => q.name).sort()).toEqual(['benefits', 'joint-approval', 'notifications', 'risk-monitor', 'workflow']);
    // An admin's bearer token opens it too (for scripts).
    await system.http().get(`${BOARD}/api/queues`).set(auth(tokens.admin!)).expect(200);
  });

  it('never takes a ticket as an access token, nor changes from another origin', async () => {
    const { cookie } = await openBoard(system, tokens.admin!);
    const ticket = cookie.slice('ywtb_board='.length);
    await system.http().get('/api/me').set('Authorization', `Bearer ${ticket}`).expect(401);
    await system.http().get(`${BOARD}/`).set('Cookie', `ywtb_board=${tokens.admin}`).expect(401);
    const crossSite = await system.http().put(`${BOARD}/api/queues/workflow/pause`).set('Cookie', cookie).set('Origin', 'https://evil.example').expect(403);
    expect(crossSite.body.code).toBe('operations.board_cross_origin');
  });

  it('stops opening the board when the admin loses the role', async () => {
    const username = `ops-${randomUUID().slice(0, 8)}`;
    const created = (await system.http().post('/api/users').set(auth(tokens.admin!)).send({ username, password: 'A-long-passphrase-2026', roles: ['admin'], displayName: '运维' }).expect(201)).body as { id: string };
    const { cookie } = await openBoard(system, await system.login(username, 'A-long-passphrase-2026'));
    await system.http().get(`${BOARD}/api/queues`).set('Cookie', cookie).expect(200);
    await system.http().patch(`/api/users/${created.id}`).set(auth(tokens.admin!)).send({ roles: ['supervisor'] }).expect(200);
    await expect.poll(async () => (await system.http().get(`${BOARD}/api/queues`).set('Cookie', cookie)).status, { timeout: 10_000 }).toBe(401);
  });
});

describe('on the PostgreSQL queue backend (embedded mode): a summary page instead', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem('embedded');
  }, 300_000);
  afterAll(async () => {
    await system?.stopAll();
  });

  it('shows admins the counts per queue, the outbox and the timers; bull-board paths answer 404; others are refused', async () => {
    const [admin, citizen] = [await system.login('admin'), await system.login('citizen1')];
    await system.http().get(`${BOARD}/`).expect(401);
    await system.http().get(`${BOARD}/`).set(auth(citizen)).expect(403);
    await system.http().post(`${BOARD}/session`).set(auth(citizen)).expect(403);

    const { cookie, body } = await openBoard(system, admin);
    expect(body).toMatchObject({ url: `${BOARD}/`, board: 'summary' });
    const page = await system.http().get(`${BOARD}/`).set('Cookie', cookie).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('PostgreSQL backend');
    for (const queue of ['workflow', 'joint-approval', 'benefits', 'risk-monitor', 'notifications']) expect(page.text).toContain(`<th scope="row">${queue}</th>`);
    expect(page.text).toMatch(/Timers: \d+ pending/);
    const api = await system.http().get(`${BOARD}/api/queues`).set('Cookie', cookie).expect(404);
    expect(api.body.code).toBe('operations.board_summary_only');
  });
});
