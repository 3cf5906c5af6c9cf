import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BackfillTimers1796590000000 } from '../migrations/1796590000000-backfill-timers.js';
import { QueueBackend } from '../src/queue/queue-backend.js';
import { JOB_QUEUE, QueueName, type JobName } from '../src/queue/queue-names.js';
import { SCAN_SCHEDULER_ID } from '../src/risk-monitor/risk-scheduler.js';
import { ClockService } from '../src/time/clock.service.js';
import { exampleForm, requiredMaterials, serviceItem } from './support/applicant.js';
import { auth, decide, waitForTask } from './support/drive.js';
import { itemWithSteps, submitAndAccept } from './support/joint-item.js';
import { privateDatabase, type PrivateDatabase } from './support/private-database.js';
import { ThrowawayRedis } from './support/throwaway-redis.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * Timers live in PostgreSQL (issue 15): Redis delayed jobs are only the fast path. Redis coming back
 * empty loses no 公示 period, no SLA or deadline check, no 容缺 due date and no schedule; the reconciler
 * puts them all back.
 */

/**
 * accept (tolerating a missing site map: 容缺受理) → a review with a 2-working-day SLA → approved. Its case
 * waits at the review with every kind of SLA and deadline timer running.
 */
async function itemWithReview(system: TestSystem, admin: string): Promise<string> {
  const code = await itemWithSteps(system, admin, 'review', [
    { id: 'accept', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { accept: 'review', refuse: 'end:refused' } },
    { id: 'review', type: 'review', queue: { department: 'market-regulation', role: 'reviewer' }, sla: { workingDays: 2 }, outcomes: { approve: 'end:approved', reject: 'end:rejected' } },
  ]);
  const item = (await system.http().get(`/api/service-items/${code}`).expect(200)).body;
  const materials = [...item.materials, { key: 'siteMap', name: '经营场所平面图', required: true, tolerant: true }];
  await system.http().put(`/api/service-items/${code}`).set(auth(admin)).send({ ...withoutReadOnly(item), materials }).expect(200);
  return code;
}

/** The writable fields of a service item as GET answers it. */
function withoutReadOnly(item: Record<string, unknown>): Record<string, unknown> {
  const { code: _code, ...rest } = item;
  return Object.fromEntries(Object.entries(rest).filter(([key]) => !['createdAt', 'updatedAt', 'version'].includes(key)));
}

/** Submitted without the tolerated material, accepted: it is owed by a due date. */
async function submitTolerated(system: TestSystem, citizen: string, code: string): Promise<string> {
  const item = await serviceItem(system, code);
  const { body } = await system
    .http()
    .post('/api/cases')
    .set(auth(citizen))
    .send({ serviceItemCode: code, form: exampleForm(item), materials: await requiredMaterials(system, citizen, item, ['siteMap']) })
    .expect(201);
  const accept = await waitForTask(system, 'market-regulation', body.id, 'accept');
  await decide(system, 'market-regulation', accept.id, { action: 'accept' });
  await waitForTask(system, 'market-regulation', body.id, 'review');
  return body.id as string;
}

/** accept → 7 calendar days of 公示 → a licence. */
const itemWithNotice = (system: TestSystem, admin: string) =>
  itemWithSteps(system, admin, 'notice', [
    { id: 'accept', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { accept: 'notice', refuse: 'end:refused' } },
    { id: 'notice', type: 'timer', duration: { calendarDays: 7 }, pausesClock: true, outcomes: { done: 'issue' } },
    { id: 'issue', type: 'certificate', certificate: { name: '公示后许可证' }, outcomes: { done: 'end:approved' } },
  ]);

describe('Redis flushed while cases wait out a 公示 period, SLAs, deadlines and 容缺 due dates', () => {
  const state: { redis?: ThrowawayRedis; system?: TestSystem; database?: PrivateDatabase } = {};
  afterAll(async () => {
    await state.system?.stopAll();
    await state.redis?.stop();
    await state.database?.drop();
  });

  it('keeps every timer and schedule in PostgreSQL, gets their jobs back within a minute, and the cases finish when their time comes', async () => {
    state.redis = await ThrowawayRedis.start();
    state.database = await privateDatabase(`timers_${randomUUID().slice(0, 8)}`);
    // The scheduled scan runs at start and after each flush, then not for an hour: what flags the waiting
    // case is its own timers.
    const system = (state.system = await startTestSystem('production', {
      REDIS_URL: state.redis.url,
      DATABASE_URL: state.database.url,
      TIMER_RECONCILE_SECONDS: '5',
      RISK_SCAN_EVERY_SECONDS: '3600',
    }));
    let now = new Date();
    vi.spyOn(system.app.get(ClockService), 'now').mockImplementation(() => new Date(now));
    const db = system.app.get(DataSource);
    const queues = system.app.get(QueueBackend);
    const flush = async () => {
      const client = new Redis(state.redis!.url);
      await client.flushall();
      await client.quit();
      return Date.now();
    };
    const [admin, citizen] = await Promise.all(['admin', 'citizen1'].map((u) => system.login(u)));
    const code = await itemWithNotice(system, admin);
    const caseIds = await Promise.all(Array.from({ length: 4 }, () => submitAndAccept(system, citizen, code)));
    const waiting = await submitTolerated(system, citizen, await itemWithReview(system, admin));

    // 1. Every timer is a row with its due time: the 公示 periods, …
    const notices = async (): Promise<Array<{ job_id: string; due_at: Date }>> =>
      db.query(`SELECT job_id, due_at FROM timer WHERE state = 'pending' AND kind = 'case-timer' AND subject = ANY($1) ORDER BY job_id`, [caseIds]);
    await expect.poll(async () => (await notices()).length, { timeout: 20_000 }).toBe(caseIds.length);
    const jobIds = (await notices()).map((row) => row.job_id);
    const noticeEnds = Math.max(...(await notices()).map((row) => new Date(row.due_at).getTime()));
    // … the waiting case's checks: its review's SLA (and yellow before it), both deadlines and their
    // yellow, the tolerated material's due date, the review left unclaimed, the case stalling …
    const riskTimers = async (): Promise<Array<{ key: string; job_id: string; due_at: Date }>> =>
      db.query(`SELECT key, job_id, due_at FROM timer WHERE state = 'pending' AND kind = 'case-risk-check' AND subject = $1 ORDER BY key`, [waiting]);
    const kinds = (rows: Array<{ key: string }>) => [...new Set(rows.map((row) => row.key.replace(/^task:.+:(due|yellow|unclaimed)$/, 'task:$1')))].sort();
    await expect.poll(async () => kinds(await riskTimers()), { timeout: 20_000 }).toEqual(
      ['deadline:promised', 'deadline:promised:yellow', 'deadline:statutory', 'deadline:statutory:yellow', 'material:siteMap', 'stalled', 'task:due', 'task:unclaimed', 'task:yellow'].sort(),
    );
    const checks = await riskTimers();
    // … and every cluster-wide schedule, due at its next run.
    // (Written by the reconciler's pass, every 5 s here: on a database of its own the first may still be to come.)
    const scheduleRows = (): Promise<Array<{ subject: string; job_name: JobName }>> =>
      db.query(`SELECT subject, job_name FROM timer WHERE kind = 'schedule' AND state = 'pending' ORDER BY subject`);
    await expect
      .poll(async () => (await scheduleRows()).map((row) => row.subject), { timeout: 20_000 })
      .toEqual(expect.arrayContaining([SCAN_SCHEDULER_ID, 'history-checkpoint', 'notifications-release-held', 'webhooks-requeue-stranded']));
    const schedules = await scheduleRows();
    const scheduled = async () => Promise.all(schedules.map(async (row) => Boolean(await queues.queue(JOB_QUEUE[row.job_name]).getJobScheduler(row.subject))));
    await expect.poll(scheduled, { timeout: 20_000 }).toEqual(schedules.map(() => true));
    const scansSince = async (since: number): Promise<Array<{ status: string }>> => db.query(`SELECT status FROM risk_scan WHERE created_at > $1`, [new Date(since)]);
    const openFlags = async () =>
      (await db.query(`SELECT DISTINCT kind FROM risk_flag WHERE case_id = $1 AND status <> 'resolved' ORDER BY kind`, [waiting])).map((row: { kind: string }) => row.kind);

    // 2. Redis keeps nothing on disk: a restart is a flush. The schedules come back within a minute (and
    //    the scan runs once at once); the timers never needed Redis.
    const firstFlush = await flush();
    expect(await scheduled()).toEqual(schedules.map(() => false));
    await expect.poll(scheduled, { timeout: 60_000, interval: 500 }).toEqual(schedules.map(() => true));
    expect(Date.now() - firstFlush).toBeLessThan(60_000);
    await expect.poll(async () => (await scansSince(firstFlush)).map((scan) => scan.status), { timeout: 30_000, interval: 250 }).toEqual(['completed']);
    expect((await riskTimers()).map((row) => row.job_id)).toEqual(checks.map((row) => row.job_id));
    expect(await openFlags()).not.toContain('task_overdue');

    // 3. Two minutes before the 公示 periods end (by the system's clock): their jobs wait in Redis, and the
    //    waiting case's review is past its 2-working-day SLA: flagged by its timer, no scan having run.
    const beforeJump = Date.now();
    now = new Date(noticeEnds - 2 * 60_000);
    const states = async () => Promise.all(jobIds.map((id) => queues.queue(QueueName.Workflow).getJobState(id)));
    await expect.poll(states, { timeout: 30_000, interval: 500 }).toEqual(jobIds.map(() => 'delayed'));
    await expect.poll(openFlags, { timeout: 30_000, interval: 250 }).toEqual(expect.arrayContaining(['task_overdue']));
    expect(await openFlags()).not.toContain('case_overdue');
    expect(await scansSince(beforeJump)).toEqual([]);

    // 4. Flushed again: the 公示 jobs come back within a minute, under the same ids, still delayed.
    const secondFlush = await flush();
    expect(await states()).toEqual(jobIds.map(() => 'unknown'));
    await expect.poll(states, { timeout: 60_000, interval: 500 }).toEqual(jobIds.map(() => 'delayed'));
    await expect.poll(scheduled, { timeout: 60_000, interval: 500 }).toEqual(schedules.map(() => true));
    expect(Date.now() - secondFlush).toBeLessThan(60_000);
    for (const id of caseIds) expect((await db.query(`SELECT status FROM case_record WHERE id = $1`, [id]))[0].status).not.toBe('approved');
    await expect.poll(async () => (await scansSince(secondFlush)).map((scan) => scan.status), { timeout: 30_000, interval: 250 }).toEqual(['completed']);

    // 5. A month later: every case finishes, each 公示 timer fired once; the waiting case's promised
    //    deadline passed and its timer flagged it; every check timer it had fired once; no scan ran.
    const lastJump = Date.now();
    now = new Date(Date.now() + 30 * 24 * 3600_000);
    for (const id of caseIds) {
      await expect.poll(async () => (await db.query(`SELECT status FROM case_record WHERE id = $1`, [id]))[0].status, { timeout: 30_000, interval: 250 }).toBe('approved');
    }
    const fired = await db.query(`SELECT count(*)::int AS n FROM case_history WHERE case_id = ANY($1) AND action = 'timer_fired'`, [caseIds]);
    const timers = await db.query(`SELECT state, count(*)::int AS n FROM timer WHERE kind = 'case-timer' AND subject = ANY($1) GROUP BY state`, [caseIds]);
    expect(timers).toEqual([{ state: 'fired', n: caseIds.length }]);
    expect((await db.query(`SELECT count(*)::int AS n FROM certificate WHERE case_id = ANY($1)`, [caseIds]))[0].n).toBe(caseIds.length);
    expect(fired[0].n).toBe(caseIds.length);

    await expect.poll(openFlags, { timeout: 30_000, interval: 250 }).toEqual(expect.arrayContaining(['case_overdue', 'task_overdue', 'tolerated_material_overdue']));
    await expect.poll(async () => (await riskTimers()).length, { timeout: 30_000, interval: 250 }).toBe(0);
    const settled: Array<{ key: string; state: string }> = await db.query(`SELECT key, state FROM timer WHERE job_id = ANY($1)`, [checks.map((row) => row.job_id)]);
    expect(settled.filter((row) => row.state === 'fired').map((row) => row.key).sort()).toEqual(checks.map((row) => row.key).sort());
    expect(await scansSince(lastJump)).toEqual([]);
  }, 300_000);
});

describe('the migration that gives timers from before the timer table their rows', () => {
  const state: { system?: TestSystem; database?: PrivateDatabase } = {};
  afterAll(async () => {
    await state.system?.stopAll();
    await state.database?.drop();
  });

  it('recreates 公示 timers (calendar and working days), SLA, deadline and 容缺 rows at the times the engine set, and queues a check that adds the rest', async () => {
    state.database = await privateDatabase(`backfill_${randomUUID().slice(0, 8)}`);
    const system = (state.system = await startTestSystem('single-server', { DATABASE_URL: state.database.url }));
    const db = system.app.get(DataSource);
    const [admin, citizen] = await Promise.all(['admin', 'citizen1'].map((u) => system.login(u)));
    const workingDayNotice = await itemWithSteps(system, admin, 'notice', [
      { id: 'accept', type: 'review', queue: { department: 'market-regulation', role: 'clerk' }, outcomes: { accept: 'notice', refuse: 'end:refused' } },
      { id: 'notice', type: 'timer', duration: { workingDays: 3 }, pausesClock: true, outcomes: { done: 'issue' } },
      { id: 'issue', type: 'certificate', certificate: { name: '公示后许可证' }, outcomes: { done: 'end:approved' } },
    ]);
    const notices = await Promise.all([submitAndAccept(system, citizen, await itemWithNotice(system, admin)), submitAndAccept(system, citizen, workingDayNotice)]);
    const waiting = await submitTolerated(system, citizen, await itemWithReview(system, admin));
    const subjects = [...notices, waiting];

    const rows = async (): Promise<Array<{ kind: string; subject: string; key: string; due_at: Date }>> =>
      db.query(`SELECT kind, subject, key, due_at FROM timer WHERE state = 'pending' AND subject = ANY($1) AND kind IN ('case-timer', 'case-risk-check') ORDER BY kind, subject, key`, [subjects]);
    const backfilled = (all: Awaited<ReturnType<typeof rows>>) => all.filter((row) => row.kind === 'case-timer' || /^(task:.+:due|deadline:(statutory|promised)|material:.+)$/.test(row.key));
    await expect.poll(async () => backfilled(await rows()).length, { timeout: 20_000 }).toBe(2 + 4);
    const before = backfilled(await rows());

    // As a release before the timer table left them: no rows at all.
    await db.query(`DELETE FROM timer WHERE subject = ANY($1)`, [subjects]);
    const runner = db.createQueryRunner();
    try {
      await new BackfillTimers1796590000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(backfilled(await rows())).toEqual(before);
    // The risk check it queued for the open case adds the timers that need working-hour arithmetic.
    await expect.poll(async () => (await rows()).filter((row) => row.subject === waiting).map((row) => row.key.replace(/^task:.+:(due|yellow|unclaimed)$/, 'task:$1')).sort(), { timeout: 30_000 }).toEqual(
      ['deadline:promised', 'deadline:promised:yellow', 'deadline:statutory', 'deadline:statutory:yellow', 'material:siteMap', 'stalled', 'task:due', 'task:unclaimed', 'task:yellow'].sort(),
    );
  }, 180_000);
});
