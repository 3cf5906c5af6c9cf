import { randomUUID } from 'node:crypto';
import { ProxyProviderManager } from 'nestjs-cls/dist/src/lib/proxy-provider/proxy-provider-manager.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestSystem, type TestSystem } from './support/system.js';

let system: TestSystem;
let adminToken: string;
let citizenToken: string;

beforeAll(async () => {
  system = await startTestSystem('single-server');
  adminToken = await system.login('admin');
  citizenToken = await system.login('citizen1');
});

afterAll(async () => {
  await system?.stopAll();
});

function expectProblem(body: Record<string, unknown>, status: number, code: string): void {
  expect(body).toMatchObject({ status, code, type: `urn:ywtb:problem:${code}` });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
}

describe('auth', () => {
  it('logs in with the seeded accounts and answers the caller', async () => {
    const login = await system.http().post('/api/auth/login').send({ username: 'clerk.market-regulation', password: 'Test-seed-password-2026' }).expect(200);
    expect(login.body.user).toMatchObject({ username: 'clerk.market-regulation', roles: ['clerk'], departmentCode: 'market-regulation' });
    const me = await system.http().get('/api/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ username: 'clerk.market-regulation', departmentCode: 'market-regulation' });
    expect(me.body.displayName).toBeTruthy();
  });

  it('answers 401 problem+json for a wrong password and for an unknown user', async () => {
    for (const body of [{ username: 'admin', password: 'wrong-password' }, { username: 'nobody', password: 'whatever' }]) {
      const response = await system.http().post('/api/auth/login').send(body).expect(401);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expectProblem(response.body, 401, 'auth.unauthenticated');
    }
  });

  it('answers 401 without a token, with a bad token, and 403 for the wrong role', async () => {
    expectProblem((await system.http().get('/api/me').expect(401)).body, 401, 'auth.unauthenticated');
    expectProblem((await system.http().get('/api/me').set('Authorization', 'Bearer not-a-jwt').expect(401)).body, 401, 'auth.unauthenticated');
    const forbidden = await system.http().get('/api/users').set('Authorization', `Bearer ${citizenToken}`).expect(403);
    expectProblem(forbidden.body, 403, 'auth.forbidden');
  });

  it('lets no disabled account in, even with a token issued before', async () => {
    const username = `tmp.${randomUUID().slice(0, 8)}`;
    const created = await system
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ username, password: 'A-long-passphrase-1', roles: ['supervisor'], displayName: '临时' })
      .expect(201);
    const token = await system.login(username, 'A-long-passphrase-1');
    await system.http().patch(`/api/users/${created.body.id}`).set('Authorization', `Bearer ${adminToken}`).send({ disabled: true }).expect(200);
    await system.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
    await system.http().post('/api/auth/login').send({ username, password: 'A-long-passphrase-1' }).expect(401);
  });
});

describe('bad input never reaches a 500', () => {
  it('malformed JSON is a 400 problem', async () => {
    const response = await system.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "admin",').expect(400);
    expectProblem(response.body, 400, 'request.malformed_json');
  });

  it('unknown fields and wrong types are listed with their paths', async () => {
    const response = await system
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ username: 'ok.name', password: 12345, roles: ['emperor'], displayName: '名', shoeSize: 44 })
      .expect(400);
    expectProblem(response.body, 400, 'validation.failed');
    const paths = (response.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['password', 'roles', 'shoeSize']));
  });

  it('an unknown route and an unknown id are 404 problems', async () => {
    expectProblem((await system.http().get('/api/no-such-thing').expect(404)).body, 404, 'not_found');
    const missing = await system.http().patch(`/api/users/${randomUUID()}`).set('Authorization', `Bearer ${adminToken}`).send({ displayName: 'x' }).expect(404);
    expectProblem(missing.body, 404, 'user.not_found');
  });

  it('a malformed id is a 400, not a database error', async () => {
    const response = await system.http().patch('/api/users/not-a-uuid').set('Authorization', `Bearer ${adminToken}`).send({ displayName: 'x' }).expect(400);
    expect(response.body.status).toBe(400);
  });

  it('a bad cursor is a 400 naming the cursor', async () => {
    const response = await system.http().get('/api/users?cursor=%%%').set('Authorization', `Bearer ${adminToken}`).expect(400);
    expect(response.body).toMatchObject({ code: 'pagination.bad_cursor', errors: [{ path: 'cursor', message: expect.any(String) }] });
  });
});

describe('staff accounts', () => {
  it('creates, lists page by page, and refuses a taken username', async () => {
    const username = `clerk.new.${randomUUID().slice(0, 8)}`;
    const body = { username, password: 'A-long-passphrase-2', roles: ['clerk'], departmentCode: 'health', displayName: '新同事' };
    const created = await system.http().post('/api/users').set('Authorization', `Bearer ${adminToken}`).send(body).expect(201);
    expect(created.body).toMatchObject({ username, roles: ['clerk'], departmentCode: 'health', disabled: false });
    expect(created.body).not.toHaveProperty('passwordHash');
    expectProblem((await system.http().post('/api/users').set('Authorization', `Bearer ${adminToken}`).send(body).expect(409)).body, 409, 'user.username_taken');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { username: string }[]; nextCursor: string | null } } = await system
        .http()
        .get(`/api/users?limit=5${cursor ? `&cursor=${cursor}` : ''}`)
        .set('Authorization', `Bearer ${adminToken}`)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.body.items.map((u: { username: string }) => u.username));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toContain(username);
    expect(seen).toContain('admin');
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a clerk without a department and an unknown department', async () => {
    const base = { username: `c.${randomUUID().slice(0, 8)}`, password: 'A-long-passphrase-3', roles: ['clerk'], displayName: '某' };
    const none = await system.http().post('/api/users').set('Authorization', `Bearer ${adminToken}`).send(base).expect(400);
    expectProblem(none.body, 400, 'user.department_required');
    const unknown = await system.http().post('/api/users').set('Authorization', `Bearer ${adminToken}`).send({ ...base, departmentCode: 'mars' }).expect(400);
    expect(unknown.body.errors).toEqual([{ path: 'departmentCode', message: 'unknown department' }]);
  });
});

describe('operations', () => {
  it('reports health of the database and the queue', async () => {
    const response = await system.http().get('/api/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } } });
  });

  it('serves Prometheus metrics and the OpenAPI document', async () => {
    const metrics = await system.http().get('/api/metrics').set('Authorization', `Bearer ${adminToken}`).expect(200);
    expect(metrics.text).toMatch(/process_cpu_user_seconds_total/);
    const docs = await system.http().get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/health', '/api/users', '/api/me', '/api/departments']));
  });

  it('lists the 南关区 departments publicly', async () => {
    const response = await system.http().get('/api/departments').expect(200);
    expect(response.body.items.length).toBeGreaterThanOrEqual(8);
    expect(response.body.items).toEqual(expect.arrayContaining([{ code: 'market-regulation', name: expect.stringContaining('市场监督管理局') }]));
  });

  it('sends security headers and a request id', async () => {
    const response = await system.http().get('/api/health').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-request-id']).toMatch(/^[\w-]+$/);
  });

  it('does no per-request work for CLS proxy providers, of which there are none', async () => {
    const resolve = vi.spyOn(ProxyProviderManager, 'resolveProxyProviders');
    try {
      await system.http().get('/api/departments').expect(200);
      expect(resolve).not.toHaveBeenCalled();
    } finally {
      resolve.mockRestore();
    }
  });

  it('answers without an entity tag (no hash of every body) or X-Powered-By', async () => {
    const response = await system.http().get('/api/departments').expect(200);
    expect(response.headers.etag).toBeUndefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
