import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth } from './support/drive.js';
import { startTestSystem, type TestMode, type TestSystem } from './support/system.js';
import { ThrowawayRedis } from './support/throwaway-redis.js';

/**
 * Rate limits behind a reverse proxy and across processes (issue #12). Every test speaks from client
 * addresses of its own (X-Forwarded-For, honoured with TRUST_PROXY) or as accounts of its own, so the
 * counters it reads were never touched by another test, though they live in the run's shared database
 * and Redis.
 */
const LIMIT = 5;
const LOGIN_LIMIT = 3;
const limited = { RATE_LIMIT_PER_MINUTE: String(LIMIT), LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_LIMIT), ROLE: 'api' };

const newAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

const systems: TestSystem[] = [];
const redisServers: ThrowawayRedis[] = [];
async function start(mode: TestMode, env: Record<string, string>): Promise<TestSystem> {
  const system = await startTestSystem(mode, env);
  systems.push(system);
  return system;
}

afterAll(async () => {
  for (const system of systems.reverse()) await system.stopAll();
  for (const redis of redisServers) await redis.stop();
});

/** GET a public route as the client at `address`, through whichever system is given. */
const departments = (system: TestSystem, address: string) => system.http().get('/api/departments').set('X-Forwarded-For', address);

describe.each<[TestMode]>([['single-server'], ['production']])('%s mode: two API processes', (mode) => {
  let first: TestSystem;
  let second: TestSystem;

  beforeAll(async () => {
    first = await start(mode, { ...limited, TRUST_PROXY: '1' });
    second = await start(mode, { ...limited, TRUST_PROXY: '1' });
  });

  it('share one budget per client', async () => {
    const address = newAddress();
    for (let i = 0; i < LIMIT; i++) await departments(i % 2 === 0 ? first : second, address).expect(200);
    for (const system of [first, second]) {
      const refused = await departments(system, address).expect(429);
      expect(refused.body).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    await departments(first, newAddress()).expect(200);
  });
});

/** Limits of 100 and more are spent through leases of limit / 50 hits (@app/quota-lease): 2 here. */
const LEASED_LIMIT = 100;

describe.each<[TestMode]>([['single-server'], ['production']])('%s mode: two API processes spending leases', (mode) => {
  let first: TestSystem;
  let second: TestSystem;

  beforeAll(async () => {
    const leased = { ...limited, RATE_LIMIT_PER_MINUTE: String(LEASED_LIMIT), TRUST_PROXY: '1' };
    first = await start(mode, leased);
    second = await start(mode, leased);
  });

  it('reserve two hits at a time from the shared counter and spend them locally', async () => {
    const address = newAddress();
    const remaining = [];
    for (const system of [first, second, first, second]) remaining.push(Number((await departments(system, address).expect(200)).headers['x-ratelimit-remaining']));
    // first reserves hits 1–2 and spends 1; second reserves 3–4 and spends 3; then each spends its second.
    expect(remaining).toEqual([99, 97, 98, 96]);
  });

  it('never admit past the limit together, and refuse at most the one hit the other holds early', async () => {
    const address = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < LEASED_LIMIT + 4; i++) statuses.push((await departments(i % 3 === 0 ? first : second, address)).status);
    const admitted = statuses.filter((status) => status === 200).length;
    expect(admitted).toBeLessThanOrEqual(LEASED_LIMIT);
    expect(admitted).toBeGreaterThanOrEqual(LEASED_LIMIT - 1);
    expect(statuses.slice(LEASED_LIMIT)).toEqual([429, 429, 429, 429]);
  });
});

describe('when Redis is away', () => {
  let redis: ThrowawayRedis;
  let system: TestSystem;

  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
    redisServers.push(redis);
    system = await start('production', { ...limited, TRUST_PROXY: '1', REDIS_URL: redis.url });
  });

  it('answers requests and keeps limiting them, counting in the process until it returns', async () => {
    await redis.stop();
    const address = newAddress();
    for (let i = 0; i < LIMIT; i++) await departments(system, address).expect(200);
    await departments(system, address).expect(429);
    // Back to the shared counters, where this address has spent nothing yet.
    await redis.up();
    await expect.poll(async () => (await departments(system, address)).status, { timeout: 15_000, interval: 250 }).toBe(200);
  });
});

describe('the client address behind a proxy, and signed-in callers', () => {
  let trusting: TestSystem;
  let direct: TestSystem;
  let setup: TestSystem;

  beforeAll(async () => {
    trusting = await start('single-server', { ...limited, TRUST_PROXY: '127.0.0.1/8' });
    direct = await start('single-server', limited);
    // Unlimited, for creating accounts: the admin's own budget is shared with every test of the run.
    setup = await start('single-server', { ROLE: 'api' });
  });

  it('comes from X-Forwarded-For with TRUST_PROXY', async () => {
    const [client, neighbour] = [newAddress(), newAddress()];
    for (let i = 0; i < LIMIT; i++) await departments(trusting, client).expect(200);
    await departments(trusting, client).expect(429);
    await departments(trusting, neighbour).expect(200);
  });

  it('is the connecting address without TRUST_PROXY, whatever X-Forwarded-For claims', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await departments(direct, newAddress())).status);
    expect(statuses).toContain(429);
  });

  it('limits sign-in attempts per client address', async () => {
    const client = newAddress();
    // Different usernames, so the per-account back-off is not what answers.
    const login = (address: string) =>
      trusting.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ username: `nobody.${randomUUID().slice(0, 8)}`, password: 'wrong-password' });
    for (let i = 0; i < LOGIN_LIMIT; i++) await login(client).expect(401);
    expect((await login(client).expect(429)).body.code).toBe('rate_limited');
    await login(newAddress()).expect(401);
  });

  it('limits a flood of made-up tokens by address before it reaches authentication', async () => {
    const client = newAddress();
    const bogus = (address: string) => trusting.http().get('/api/me').set('X-Forwarded-For', address).set(auth('made.up.token'));
    for (let i = 0; i < LIMIT; i++) await bogus(client).expect(401);
    await bogus(client).expect(429);
  });

  async function newCitizen(): Promise<string> {
    const admin = await setup.login('admin');
    const username = `rate.${randomUUID().slice(0, 8)}`;
    await setup.http().post('/api/users').set(auth(admin)).send({ username, password: 'A-long-passphrase-1', roles: ['citizen'], displayName: '限流' }).expect(201);
    return setup.login(username, 'A-long-passphrase-1');
  }

  it('limits signed-in callers per account, wherever they call from, and not by the address they share', async () => {
    const [one, other] = [await newCitizen(), await newCitizen()];
    const office = newAddress();
    const me = (token: string, address: string) => trusting.http().get('/api/me').set(auth(token)).set('X-Forwarded-For', address);
    for (let i = 0; i < LIMIT; i++) await me(one, office).expect(200);
    await me(one, newAddress()).expect(429);
    await me(other, office).expect(200);
  });
});
