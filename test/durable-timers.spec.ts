import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { QueueBackend } from '../src/queue/queue-backend.js';
import { QueueName } from '../src/queue/queue-names.js';
import { SCAN_SCHEDULER_ID } from '../src/risk-monitor/risk-scheduler.js';
import { ClockService } from '../src/time/clock.service.js';
import { itemWithSteps, submitAndAccept } from './support/joint-item.js';
import { privateDatabase, type PrivateDatabase } from './support/private-database.js';
import { ThrowawayRedis } from './support/throwaway-redis.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * Timers live in PostgreSQL (issue 15): Redis delayed jobs are only the fast path. Redis coming back
 * empty loses neither a 公示 period nor the scheduled scan; the reconciler puts both back.
 */

/** accept → 7 calendar days of 公示 → a licence. */
const itemWithNotice = (system: TestSystem, admin: string) =>
  itemWithSteps(system, admin, 'notice', [
    { id: 'accept', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { accept: 'notice', refuse: 'end:refused' } },
    { id: 'notice', type: 'timer', duration: { calendarDays: 7 }, pausesClock: true, outcomes: { done: 'issue' } },
    { id: 'issue', type: 'certificate', certificate: { name: '公示后许可证' }, outcomes: { done: 'end:approved' } },
  ]);

describe('Redis flushed while cases wait out a 公示 period', () => {
  const state: { redis?: ThrowawayRedis; system?: TestSystem; database?: PrivateDatabase } = {};
  afterAll(async () => {
    await state.system?.stopAll();
    await state.redis?.stop();
    await state.database?.drop();
  });

  it('gets every timer and the schedule back within a minute, and the cases finish when their time comes', async () => {
    state.redis = await ThrowawayRedis.start();
    state.database = await privateDatabase(`timers_${randomUUID().slice(0, 8)}`);
    const system = (state.system = await startTestSystem('production', { REDIS_URL: state.redis.url, DATABASE_URL: state.database.url, TIMER_RECONCILE_SECONDS: '5' }));
    let now = new Date();
    vi.spyOn(system.app.get(ClockService), 'now').mockImplementation(() => new Date(now));
    const db = system.app.get(DataSource);
    const queues = system.app.get(QueueBackend);
    const [admin, citizen] = await Promise.all(['admin', 'citizen1'].map((u) => system.login(u)));
    const code = await itemWithNotice(system, admin);
    const caseIds = await Promise.all(Array.from({ length: 4 }, () => submitAndAccept(system, citizen, code)));

    const pendingJobIds = async (): Promise<string[]> =>
      (await db.query(`SELECT job_id FROM timer WHERE state = 'pending' AND subject = ANY($1) ORDER BY job_id`, [caseIds])).map((row: { job_id: string }) => row.job_id);
    await expect.poll(async () => (await pendingJobIds()).length, { timeout: 20_000 }).toBe(caseIds.length);
    const jobIds = await pendingJobIds();
    const states = async () => Promise.all(jobIds.map((id) => queues.queue(QueueName.Workflow).getJobState(id)));
    await expect.poll(states, { timeout: 20_000 }).toEqual(jobIds.map(() => 'delayed'));
    await expect.poll(async () => Boolean(await queues.queue(QueueName.RiskMonitor).getJobScheduler(SCAN_SCHEDULER_ID)), { timeout: 20_000 }).toBe(true);

    // Redis keeps nothing on disk: a restart is a flush.
    const client = new Redis(state.redis.url);
    await client.flushall();
    await client.quit();
    expect(await states()).toEqual(jobIds.map(() => 'unknown'));
    expect(await queues.queue(QueueName.RiskMonitor).getJobScheduler(SCAN_SCHEDULER_ID)).toBeUndefined();

    const flushedAt = Date.now();
    await expect.poll(states, { timeout: 60_000, interval: 500 }).toEqual(jobIds.map(() => 'delayed'));
    await expect.poll(async () => Boolean(await queues.queue(QueueName.RiskMonitor).getJobScheduler(SCAN_SCHEDULER_ID)), { timeout: 60_000 }).toBe(true);
    expect(Date.now() - flushedAt).toBeLessThan(60_000);
    for (const id of caseIds) expect((await db.query(`SELECT status FROM case_record WHERE id = $1`, [id]))[0].status).not.toBe('approved');

    // Eight days later by the system's clock: every case finishes, each timer fired once.
    now = new Date(Date.now() + 8 * 24 * 3600_000);
    for (const id of caseIds) {
      await expect.poll(async () => (await db.query(`SELECT status FROM case_record WHERE id = $1`, [id]))[0].status, { timeout: 30_000, interval: 250 }).toBe('approved');
    }
    const fired = await db.query(`SELECT count(*)::int AS n FROM case_history WHERE case_id = ANY($1) AND action = 'timer_fired'`, [caseIds]);
    const timers = await db.query(`SELECT state, count(*)::int AS n FROM timer WHERE subject = ANY($1) GROUP BY state`, [caseIds]);
    expect(timers).toEqual([{ state: 'fired', n: caseIds.length }]);
    expect((await db.query(`SELECT count(*)::int AS n FROM certificate WHERE case_id = ANY($1)`, [caseIds]))[0].n).toBe(caseIds.length);
    expect(fired[0].n).toBe(caseIds.length);
  }, 180_000);
});
