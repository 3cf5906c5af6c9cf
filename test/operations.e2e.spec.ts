import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueBackend } from '../src/queue/queue-backend.js';
import { JobName, QueueName } from '../src/queue/queue-names.js';
import { auth } from './support/drive.js';
import { privateDatabase, type PrivateDatabase } from './support/private-database.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * The operators' endpoints (issue 15): queue depths and backlogs, failed jobs listed and retried. A job
 * is made to fail by a trigger of the test's own (on a database of its own) that refuses its update.
 */
let database: PrivateDatabase;
let system: TestSystem;
let admin: string;
let supervisor: string;
let db: DataSource;

beforeAll(async () => {
  database = await privateDatabase(`ops_${randomUUID().slice(0, 8)}`);
  system = await startTestSystem('production', { DATABASE_URL: database.url, QUEUE_PREFIX: `ops-${randomUUID().slice(0, 8)}` });
  [admin, supervisor] = await Promise.all([system.login('admin'), system.login('supervisor')]);
  db = system.app.get(DataSource);
  await db.query(`CREATE FUNCTION refuse_delivery() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'delivery refused by the test'; END $$`);
  await db.query(`CREATE TRIGGER refuse_delivery BEFORE UPDATE ON notification FOR EACH ROW WHEN (NEW.template = 'test.refused') EXECUTE FUNCTION refuse_delivery()`);
});

afterAll(async () => {
  await system?.stopAll();
  await database?.drop();
});

const get = (path: string, token = admin) => system.http().get(path).set(auth(token));
const post = (path: string, token = admin) => system.http().post(path).set(auth(token));

describe('GET /api/operations/queues', () => {
  it('shows every queue by state, the outbox backlog and the timers, to admins only', async () => {
    await system.http().get('/api/operations/queues').expect(401);
    await get('/api/operations/queues', supervisor).expect(403);
    const { body } = await get('/api/operations/queues').expect(200);
    expect(body).toMatchObject({ backend: 'redis', backendAvailable: true, outbox: { pending: expect.any(Number) }, timers: { pending: expect.any(Number), overdue: 0 } });
    expect(body.queues.map((q: { name: string }) => q.name).sort()).toEqual(Object.values(QueueName).sort());
    for (const queue of body.queues) expect(Object.keys(queue).sort()).toEqual(['active', 'delayed', 'failed', 'name', 'waiting']);

    // A row the relay cannot take yet (claimed far ahead) is backlog, with its age.
    await db.query(`INSERT INTO outbox_message (queue, job_name, payload, created_at, claimed_until) VALUES ('notifications', 'notification.deliver', '{}', now() - interval '90 seconds', now() + interval '1 hour')`);
    const later = (await get('/api/operations/queues').expect(200)).body;
    expect(later.outbox.pending).toBeGreaterThanOrEqual(1);
    expect(later.outbox.oldestAgeSeconds).toBeGreaterThanOrEqual(90);
    await db.query(`DELETE FROM outbox_message WHERE relayed_at IS NULL AND payload = '{}'`);
  });
});

describe('failed jobs', () => {
  interface FailedJob {
    id: string;
    jobId: string;
    failedAt: string;
    retriedAt: string | null;
    attempts: number;
    error: string;
  }

  const failedJob = async (jobId: string): Promise<FailedJob | undefined> => {
    const { body } = await get('/api/operations/failed-jobs?limit=200').expect(200);
    return (body.items as FailedJob[]).find((item) => item.jobId === jobId);
  };

  it('lists a job that used up its attempts, retries it (again failing, then succeeding) and raises a risk flag', async () => {
    const [{ id: notificationId }] = await db.query(`INSERT INTO notification (recipient_id, channel, template) VALUES ($1, 'in-app', 'test.refused') RETURNING id`, [randomUUID()]);
    const queue = system.app.get(QueueBackend).queue(QueueName.Notifications);
    const jobId = `ops-${randomUUID()}`;
    await queue.add(JobName.DeliverNotification, { notificationId }, { jobId, attempts: 1 });

    await expect.poll(async () => (await failedJob(jobId)) !== undefined, { timeout: 20_000 }).toBe(true);
    const first = (await failedJob(jobId))!;
    expect(first).toMatchObject({ attempts: 1, retriedAt: null, payload: { notificationId }, jobName: JobName.DeliverNotification, queue: 'notifications' });
    expect(first.error).toContain('delivery refused');
    await get('/api/operations/failed-jobs', supervisor).expect(403);
    await post(`/api/operations/failed-jobs/${first.id}/retry`, supervisor).expect(403);

    const { body: flags } = await get(`/api/risk-monitor/forecast?kind=job_failed&limit=10000`, supervisor).expect(200);
    expect((flags.items as Array<{ targetKey: string }>).filter((item) => item.targetKey === `failed_job:${first.id}`)).toHaveLength(1);

    // Retried while the cause is still there: it fails again, which moves the row on.
    const retried = (await post(`/api/operations/failed-jobs/${first.id}/retry`).expect(200)).body;
    expect(retried.retriedAt).not.toBeNull();
    await expect.poll(async () => (await failedJob(jobId))?.retriedAt, { timeout: 20_000 }).toBeNull();
    expect(Date.parse((await failedJob(jobId))!.failedAt)).toBeGreaterThan(Date.parse(first.failedAt));
    expect((await db.query(`SELECT count(*)::int AS n FROM failed_job WHERE job_id = $1`, [jobId]))[0].n).toBe(1);

    // The cause removed, the retry delivers it, once.
    await db.query(`DROP TRIGGER refuse_delivery ON notification`);
    await post(`/api/operations/failed-jobs/${first.id}/retry`).expect(200);
    await expect.poll(async () => (await db.query(`SELECT status FROM notification WHERE id = $1`, [notificationId]))[0].status, { timeout: 20_000 }).toBe('delivered');
    await expect.poll(async () => queue.getJobState(jobId), { timeout: 10_000 }).toBe('completed');
    const again = await post(`/api/operations/failed-jobs/${first.id}/retry`).expect(409);
    expect(again.body.code).toBe('failed_job.not_failed');
  });

  it('answers 404 for a failed job that does not exist, 400 for a bad id or cursor', async () => {
    expect((await post(`/api/operations/failed-jobs/${randomUUID()}/retry`).expect(404)).body.code).toBe('failed_job.not_found');
    await post('/api/operations/failed-jobs/not-a-uuid/retry').expect(400);
    expect((await get('/api/operations/failed-jobs?cursor=bogus').expect(400)).body.code).toBe('pagination.bad_cursor');
  });

  it('pages by the latest failure, each row once', async () => {
    const jobIds = Array.from({ length: 5 }, () => `ops-page-${randomUUID()}`);
    for (const [i, jobId] of jobIds.entries()) {
      await db.query(`INSERT INTO failed_job (queue, job_id, job_name, payload, error, attempts, failed_at) VALUES ('notifications', $1, 'notification.deliver', '{}', 'boom', 5, now() + make_interval(secs => $2))`, [jobId, i]);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: FailedJob[]; nextCursor: string | null } } = await get(`/api/operations/failed-jobs?limit=2${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      seen.push(...page.body.items.map((item) => item.jobId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => jobIds.includes(id))).toEqual([...jobIds].reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });
});
