import { afterAll, describe, expect, it } from 'vitest';
import { ThrowawayRedis } from './support/throwaway-redis.js';
import { startTestSystem, type TestMode, type TestSystem } from './support/system.js';

// Embedded mode also runs a joint approval in test/embedded.e2e.spec.ts and boots as `npm start` in test/built-program.system.spec.ts.
describe.each<[TestMode, string]>([
  ['embedded', 'postgres'],
  ['single-server', 'postgres'],
  ['production', 'redis'],
])('%s mode', (mode, backend) => {
  let system: TestSystem | undefined;
  afterAll(async () => {
    await system?.stopAll();
  });

  it(`is healthy with the queue on ${backend}, signs in a seeded account and shows the seeded catalogue`, async () => {
    system = await startTestSystem(mode);
    const health = await system.http().get('/api/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, queue: { status: 'up', backend } } });
    const token = await system.login('supervisor');
    expect(token.split('.')).toHaveLength(3);
    const items = (await system.http().get('/api/service-items').expect(200)).body.items as { code: string }[];
    expect(items.map((i) => i.code)).toContain('2201-SC-0001');
    expect((await system.http().get('/api/bundles').expect(200)).body.items.length).toBeGreaterThanOrEqual(2);
    const workflow = await system.http().get('/api/workflows/food-business-license').set('Authorization', `Bearer ${token}`).expect(200);
    expect(workflow.body.versions[0].status).toBe('published');
  });
});

describe('health when the queue backend is down', () => {
  const redis: { server?: ThrowawayRedis; system?: TestSystem } = {};
  afterAll(async () => {
    await redis.system?.stopAll();
    await redis.server?.stop();
  });

  it('answers 503 with the queue marked down, and 200 again when it returns', async () => {
    redis.server = await ThrowawayRedis.start();
    redis.system = await startTestSystem('production', { REDIS_URL: redis.server.url, ROLE: 'api' });
    await redis.system.http().get('/api/health').expect(200);
    await redis.server.stop();
    const down = await redis.system.http().get('/api/health').expect(503);
    expect(down.body).toMatchObject({ status: 503, code: 'health.dependency_down', error: { queue: { status: 'down' } } });
    expect(down.body.info.database.status).toBe('up');
    await redis.server.up();
    await expect.poll(async () => (await redis.system!.http().get('/api/health')).status, { timeout: 15_000, interval: 250 }).toBe(200);
  });
});
