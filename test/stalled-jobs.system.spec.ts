import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { QueueBackend } from '../src/queue/queue-backend.js';
import { JobName, QueueName } from '../src/queue/queue-names.js';
import { privateDatabase, type PrivateDatabase } from './support/private-database.js';
import { SEED_PASSWORD, TEST_KEYS } from './support/system.js';

/**
 * A job held by a worker that dies is taken over by another within 15 s (issue 15; BullMQ's defaults took
 * 30–60 s). The job is a notification delivery the test keeps busy by holding its row's lock.
 */
describe('a worker killed in the middle of a job', () => {
  const workers: ChildProcess[] = [];
  const state: { backend?: QueueBackend; db?: pg.Client; locker?: pg.Client; database?: PrivateDatabase } = {};
  afterEach(() => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await state.backend?.close();
    await state.locker?.end().catch(() => undefined);
    await state.db?.end();
    await state.database?.drop();
  });

  /** A worker process of the built program; resolves once its workers run. */
  function startWorker(env: Record<string, string>): Promise<ChildProcess> {
    const worker = spawn(process.execPath, [join(process.cwd(), 'dist/src/main.js')], {
      env: { PATH: process.env.PATH ?? '', ...env, ROLE: 'worker', LOG_LEVEL: 'info', NODE_ENV: 'test', SEED_PASSWORD },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    workers.push(worker);
    return new Promise((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`worker did not start: ${seen.slice(-2000)}`)), 60_000);
      worker.stdout!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        if (seen.includes('workers started')) {
          clearTimeout(timer);
          resolve(worker);
        }
      });
    });
  }

  it.each(['production', 'single-server'] as const)('is finished by another worker within 15 s (%s)', async (mode) => {
    const queuePrefix = `stall-${randomUUID().slice(0, 8)}`;
    // On PostgreSQL the queue lives in the database: a database of its own keeps other tests' workers off the job.
    if (mode === 'single-server') state.database = await privateDatabase(`stall_${randomUUID().slice(0, 8)}`);
    const databaseUrl = state.database?.url ?? inject('databaseUrl');
    const env = {
      DATABASE_URL: databaseUrl,
      ...(mode === 'production' ? { REDIS_URL: inject('redisUrl') } : {}),
      QUEUE_PREFIX: queuePrefix,
      PORT: '0',
      DATA_DIR: `/tmp/ywtb-worker-${queuePrefix}`,
      ...TEST_KEYS,
    };
    await state.db?.end();
    const db = (state.db = new pg.Client(databaseUrl));
    await db.connect();
    const [{ id }] = (await db.query(`INSERT INTO notification (recipient_id, channel, template) VALUES ($1, 'in-app', 'test.stalled') RETURNING id`, [randomUUID()])).rows;
    await state.locker?.end().catch(() => undefined);
    const locker = (state.locker = new pg.Client(databaseUrl));
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT id FROM notification WHERE id = $1 FOR UPDATE', [id]);
    const lockerPid = (await locker.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;

    const doomed = await startWorker(env);
    await state.backend?.close();
    const backend = (state.backend = mode === 'production' ? QueueBackend.redis(inject('redisUrl'), queuePrefix) : QueueBackend.postgres(databaseUrl));
    const queue = backend.queue(QueueName.Notifications);
    const jobId = `stalled-${id}`;
    await queue.add(JobName.DeliverNotification, { notificationId: id }, { jobId });
    // The doomed worker holds the job, waiting for the row's lock.
    await expect.poll(async () => queue.getJobState(jobId), { timeout: 20_000 }).toBe('active');
    await expect
      .poll(async () => (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [lockerPid])).rows[0].n, { timeout: 20_000 })
      .toBe(1);

    await startWorker(env);
    doomed.kill('SIGKILL');
    const killedAt = Date.now();
    await locker.query('COMMIT');

    // The killed worker's statement may still land once the lock is released (PostgreSQL finishes it before it
    // notices the client is gone): the notice is then delivered by it, and the job, which died with the worker,
    // must still be taken over and completed by the other. What is measured is the job's takeover.
    await expect.poll(async () => queue.getJobState(jobId), { timeout: 15_000, interval: 100 }).toBe('completed');
    const tookOver = Date.now() - killedAt;
    console.info(`stalled job completed by another worker ${tookOver} ms after the kill`);
    expect(tookOver).toBeLessThan(15_000);
    const job = await queue.getJob(jobId);
    expect(['delivered', 'skipped']).toContain(job?.returnvalue);
    const row = (await db.query(`SELECT status, delivery_attempts FROM notification WHERE id = $1`, [id])).rows[0];
    expect(row).toEqual({ status: 'delivered', delivery_attempts: 1 });
  }, 120_000);
});
