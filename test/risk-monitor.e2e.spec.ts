import { createHash, randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RiskCheck } from '../src/risk-monitor/risk-check.service.js';
import { SCAN_SCHEDULER_ID } from '../src/risk-monitor/risk-scheduler.js';
import { ClockService } from '../src/time/clock.service.js';
import { engineState, insertCase, insertHistory, insertTask } from './support/risk-monitor-fixtures.js';
import { exampleForm, requiredMaterials, serviceItem } from './support/applicant.js';
import { startTestSystem, type TestSystem } from './support/system.js';

let system: TestSystem;
let supervisor: string;
let admin: string;
let citizen: string;
let market: string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const db = () => system.app.get(DataSource);
const ago = (ms: number) => new Date(Date.now() - ms);

beforeAll(async () => {
  // Every 秒批 approval is sampled here, so the sample can be seen; a fortnight of look-back survives 国庆.
  system = await startTestSystem('single-server', { RISK_AUTO_SAMPLE_PERCENT: '100', RISK_REVIEW_LOOKBACK_DAYS: '14' });
  [supervisor, admin, citizen, market] = await Promise.all(['supervisor', 'admin', 'citizen1', 'clerk.market-regulation'].map((u) => system.login(u)));
});

afterAll(async () => {
  await system?.stopAll();
});

interface Item {
  kind: string;
  severity: string;
  caseId: string | null;
  taskId: string | null;
  targetKey: string;
  detail: string;
  facts: Record<string, unknown>;
}

interface Flag extends Item {
  id: string;
  status: string;
  resolution: string | null;
  resolvedBy: string | null;
  escalationLevel: number;
}

/** What a scan at `asOf` would flag for one case (or, without a case, everywhere). */
async function forecast(query: { asOf?: Date | string; caseId?: string; kind?: string }): Promise<Item[]> {
  const asOf = query.asOf instanceof Date ? query.asOf.toISOString() : query.asOf;
  const { body } = await system
    .http()
    .get('/api/risk-monitor/forecast')
    .query({ limit: 10_000, ...(asOf ? { asOf } : {}), ...(query.caseId ? { caseId: query.caseId } : {}), ...(query.kind ? { kind: query.kind } : {}) })
    .set(auth(supervisor))
    .expect(200);
  return body.items as Item[];
}

const kindsOf = (items: Item[]) => items.map((i) => i.kind).sort();

interface ScanView {
  status: string;
  flagged: number;
  resolved: number;
  escalated: number;
  reviewed: boolean;
}

async function scan(): Promise<ScanView> {
  const { body } = await system.http().post('/api/risk-monitor/scan').set(auth(supervisor)).expect(202);
  let view: ScanView | undefined;
  await expect
    .poll(
      async () => {
        view = (await system.http().get(`/api/risk-monitor/scans/${body.scanId}`).set(auth(supervisor)).expect(200)).body;
        return view!.status;
      },
      { timeout: 30_000, interval: 200 },
    )
    .toBe('completed');
  return view!;
}

async function flagsOf(caseId: string, status?: string): Promise<Flag[]> {
  const { body } = await system
    .http()
    .get('/api/risk-flags')
    .query({ caseId, limit: 200, ...(status ? { status } : {}) })
    .set(auth(supervisor))
    .expect(200);
  return body.items as Flag[];
}

/** The event-driven check, run as its job would run it. */
async function check(caseId: string) {
  return system.app.get(ClsService).run(() => system.app.get(RiskCheck).checkCase({ caseId }));
}

async function taskOf(token: string, caseId: string, stepId: string): Promise<{ id: string; dueAt: string | null }> {
  // vi.waitFor, not expect.poll: this also runs in beforeAll.
  return vi.waitFor(
    async () => {
      const { body } = await system.http().get(`/api/tasks?caseId=${caseId}`).set(auth(token)).expect(200);
      const found = (body.items as { id: string; stepId: string; dueAt: string | null }[]).find((t) => t.stepId === stepId);
      if (!found) throw new Error(`no ${stepId} task yet`);
      return found;
    },
    { timeout: 15_000, interval: 100 },
  );
}

async function decide(taskId: string, body: Record<string, unknown>) {
  return system.http().post(`/api/tasks/${encodeURIComponent(taskId)}/decision`).set(auth(market)).send(body).expect(200);
}

/** A food business licence application; 350 m² goes to people, 80 m² of drinks to 秒批. */
async function applyForFoodLicence(form: Record<string, unknown>): Promise<string> {
  const item = await serviceItem(system, '2201-SC-0001');
  const materials = await requiredMaterials(system, citizen, item, ['foodSafetySystem']);
  const { body } = await system.http().post('/api/cases').set(auth(citizen)).send({ serviceItemCode: item.code, form: exampleForm(item, form), materials }).expect(201);
  return body.id as string;
}

describe('a case left untouched', () => {
  let caseId: string;
  let reviewTaskId: string;

  beforeAll(async () => {
    // Accepted on Monday 2 March 2026 at 10:00: the promised limit (10 working days) ends on Monday 16 March at 17:00.
    const clock = vi.spyOn(system.app.get(ClockService), 'now').mockImplementation(() => new Date('2026-03-02T10:00:00+08:00'));
    try {
      caseId = await applyForFoodLicence({ floorArea: 350.0 });
      await decide((await taskOf(market, caseId, 'accept')).id, { action: 'accept' });
      reviewTaskId = (await taskOf(market, caseId, 'review')).id;
    } finally {
      clock.mockRestore();
    }
    const { body } = await system.http().get(`/api/cases/${caseId}`).set(auth(supervisor)).expect(200);
    expect(body.deadlines.promised).toBe(new Date('2026-03-16T17:00:00+08:00').toISOString());
  });

  it('is forecast yellow on the last working day before its promised deadline, counting working days, and red after it', async () => {
    const promised = (items: Item[]) => items.filter((i) => i.facts.deadline === 'promised').map((i) => i.kind);
    // Thursday: two working days are left (Friday, Monday): not yet.
    expect(promised(await forecast({ asOf: '2026-03-12T10:00:00+08:00', caseId }))).toEqual([]);
    // Friday: only Monday is left, though three calendar days are.
    expect(promised(await forecast({ asOf: '2026-03-13T10:00:00+08:00', caseId }))).toEqual(['case_deadline_approaching']);
    // The weekend belongs to Monday.
    expect(promised(await forecast({ asOf: '2026-03-15T12:00:00+08:00', caseId }))).toEqual(['case_deadline_approaching']);
    expect(promised(await forecast({ asOf: '2026-03-16T16:59:00+08:00', caseId }))).toEqual(['case_deadline_approaching']);
    // Due before the office closes on Monday: at 17:00 it is late.
    const late = (await forecast({ asOf: '2026-03-16T17:00:00+08:00', caseId })).filter((i) => i.facts.deadline === 'promised');
    expect(late).toEqual([
      expect.objectContaining({ kind: 'case_overdue', severity: 'red', caseId, facts: expect.objectContaining({ dueAt: '2026-03-16T09:00:00.000Z' }) }),
    ]);
    expect(late[0]!.detail).toContain('已超过承诺时限（2026-03-16 17:00 届满）');
    // The statutory limit (20 working days) is still far off.
    expect((await forecast({ asOf: '2026-03-16T17:00:00+08:00', caseId })).filter((i) => i.facts.deadline === 'statutory')).toEqual([]);
  });

  it("is forecast yellow, then red, for its review step's own due date", async () => {
    const task = (items: Item[]) => items.filter((i) => i.taskId === reviewTaskId && ['task_deadline_approaching', 'task_overdue'].includes(i.kind)).map((i) => i.kind);
    // The review step has 3 working days: due Thursday 5 March at 17:00.
    expect(task(await forecast({ asOf: '2026-03-03T10:00:00+08:00', caseId }))).toEqual([]);
    expect(task(await forecast({ asOf: '2026-03-04T10:00:00+08:00', caseId }))).toEqual(['task_deadline_approaching']);
    expect(task(await forecast({ asOf: '2026-03-05T17:00:00+08:00', caseId }))).toEqual(['task_overdue']);
  });

  it('is flagged once however often the scan runs, and deciding it resolves every flag', async () => {
    const first = await scan();
    expect(first.status).toBe('completed');
    // Open ones only: a check that ran while beforeAll's clock said 2 March may have flagged the accept task
    // (due the next day) yellow, and the accept resolved it — right at that moment, not this case's story.
    const opened = await flagsOf(caseId, 'open');
    // Late on both limits and on its step, quiet since 2 March, and the tolerated 食品安全管理制度 never came.
    expect(kindsOf(opened)).toEqual(['case_overdue', 'case_overdue', 'case_stalled', 'task_overdue', 'tolerated_material_overdue']);
    expect(opened.find((f) => f.kind === 'case_stalled')!.facts.lastEventAt).toBe(new Date('2026-03-02T10:00:00+08:00').toISOString());

    await scan();
    const again = await flagsOf(caseId, 'open');
    expect(again.map((f) => f.id).sort()).toEqual(opened.map((f) => f.id).sort());

    // The clerk decides; the check that follows a case change resolves what no longer holds.
    await decide(reviewTaskId, { action: 'reject', comment: '不符合条件' });
    const checked = await check(caseId);
    expect(checked).toMatchObject({ flagged: 0 });
    const after = (await flagsOf(caseId)).filter((f) => opened.some((o) => o.id === f.id));
    expect(after).toHaveLength(5);
    expect(after.every((f) => f.status === 'resolved' && f.resolution === 'cleared' && f.resolvedBy === null)).toBe(true);
    await scan();
    expect(await flagsOf(caseId, 'open')).toEqual([]);
    expect(await forecast({ caseId })).toEqual([]);
  });
});

describe('each kind of flag', () => {
  const now = () => new Date();

  it('case deadlines: not while the clock is paused, nor once the case is decided', async () => {
    const late = await insertCase(db(), { promisedDeadline: ago(DAY), statutoryDeadline: new Date(Date.now() + 30 * DAY) });
    const paused = await insertCase(db(), { promisedDeadline: ago(DAY), statutoryDeadline: ago(DAY), clockPaused: true, status: 'awaiting_correction' });
    const decided = await insertCase(db(), { promisedDeadline: ago(DAY), statutoryDeadline: ago(DAY), finishedAt: ago(2 * DAY) });
    expect(kindsOf(await forecast({ caseId: late.id, kind: 'case_overdue' }))).toEqual(['case_overdue']);
    expect(await forecast({ caseId: paused.id })).toEqual([]);
    expect(await forecast({ caseId: decided.id, kind: 'case_overdue' })).toEqual([]);
  });

  it('task deadlines: open or claimed tasks only', async () => {
    const open = await insertCase(db());
    const task = await insertTask(db(), open.id, { status: 'claimed', claimedBy: randomUUID(), dueAt: ago(HOUR) });
    const closed = await insertCase(db());
    await insertTask(db(), closed.id, { status: 'completed', dueAt: ago(HOUR) });
    expect(await forecast({ caseId: open.id, kind: 'task_overdue' })).toEqual([expect.objectContaining({ taskId: task, severity: 'red' })]);
    expect(await forecast({ caseId: closed.id, kind: 'task_overdue' })).toEqual([]);
  });

  it('task_unclaimed: open for longer than the working hours allowed, and nobody took it', async () => {
    const waiting = await insertCase(db());
    const task = await insertTask(db(), waiting.id, { createdAt: ago(10 * DAY) });
    const taken = await insertCase(db());
    await insertTask(db(), taken.id, { status: 'claimed', claimedBy: randomUUID(), createdAt: ago(10 * DAY) });
    const fresh = await insertCase(db());
    await insertTask(db(), fresh.id, { createdAt: now() });
    const found = await forecast({ caseId: waiting.id, kind: 'task_unclaimed' });
    expect(found).toEqual([expect.objectContaining({ taskId: task, targetKey: `task:${task}` })]);
    expect(found[0]!.detail).toContain('无人认领');
    expect(await forecast({ caseId: taken.id, kind: 'task_unclaimed' })).toEqual([]);
    expect(await forecast({ caseId: fresh.id, kind: 'task_unclaimed' })).toEqual([]);
  });

  it('case_stalled: no event for too long, unless the applicant or a timer has the next move', async () => {
    const stalled = await insertCase(db(), { lastEventAt: ago(10 * DAY) });
    const correcting = await insertCase(db(), { lastEventAt: ago(10 * DAY), status: 'awaiting_correction' });
    const timerId = randomUUID();
    const publicNotice = await insertCase(db(), {
      id: timerId,
      lastEventAt: ago(10 * DAY),
      engineState: engineState(timerId, {}, { activity: { kind: 'timer', stepId: 'notice', timerId: `${timerId}:timer:1` } }),
    });
    const busy = await insertCase(db(), { lastEventAt: now() });
    expect(kindsOf(await forecast({ caseId: stalled.id, kind: 'case_stalled' }))).toEqual(['case_stalled']);
    for (const quiet of [correcting, publicNotice, busy]) expect(await forecast({ caseId: quiet.id, kind: 'case_stalled' })).toEqual([]);
  });

  it('repeated_corrections: from the second round on, while the case is open', async () => {
    const rows = await Promise.all(
      [
        { rounds: 2, finished: false },
        { rounds: 1, finished: false },
        { rounds: 3, finished: true },
      ].map(async ({ rounds, finished }) => {
        const id = randomUUID();
        const finishedAt = finished ? ago(DAY) : null;
        return insertCase(db(), { id, finishedAt, engineState: engineState(id, { finishedAt }, { correctionRounds: rounds }) });
      }),
    );
    const found = await forecast({ caseId: rows[0]!.id, kind: 'repeated_corrections' });
    expect(found).toEqual([expect.objectContaining({ facts: expect.objectContaining({ rounds: 2 }) })]);
    expect(await forecast({ caseId: rows[1]!.id, kind: 'repeated_corrections' })).toEqual([]);
    expect(await forecast({ caseId: rows[2]!.id, kind: 'repeated_corrections' })).toEqual([]);
  });

  it('tolerated_material_overdue: a 容缺 material past its due date and not delivered', async () => {
    const owed = (dueAt: Date, deliveredAt: Date | null) => [{ key: 'foodSafetySystem', name: '食品安全管理制度', dueAt: dueAt.toISOString(), deliveredAt: deliveredAt?.toISOString() ?? null }];
    const missing = await insertCase(db(), { materialsOwed: owed(ago(DAY), null) });
    const delivered = await insertCase(db(), { materialsOwed: owed(ago(DAY), ago(2 * DAY)) });
    const notYet = await insertCase(db(), { materialsOwed: owed(new Date(Date.now() + 3 * DAY), null) });
    const found = await forecast({ caseId: missing.id, kind: 'tolerated_material_overdue' });
    expect(found).toEqual([expect.objectContaining({ targetKey: `case:${missing.id}:material:foodSafetySystem` })]);
    expect(found[0]!.detail).toContain('食品安全管理制度');
    expect(await forecast({ caseId: delivered.id, kind: 'tolerated_material_overdue' })).toEqual([]);
    expect(await forecast({ caseId: notYet.id, kind: 'tolerated_material_overdue' })).toEqual([]);
  });

  it("decision_too_fast: below the item's 5th percentile, and only once the item has 20 decisions", async () => {
    // The latest working day before today, from the calendar, so the decisions fall inside office hours.
    const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
    const from = new Date(Date.now() - 20 * DAY + 8 * HOUR).toISOString().slice(0, 10);
    const { body } = await system.http().get('/api/calendar/days').query({ from, to: today }).set(auth(supervisor)).expect(200);
    const day = (body.items as { date: string; isWorkday: boolean }[]).filter((d) => d.isWorkday && d.date < today).at(-1)!.date;
    const at = (time: string) => new Date(`${day}T${time}+08:00`);
    const seed = async (item: string, normal: number) => {
      for (let i = 0; i < normal; i++) await insertCase(db(), { serviceItemCode: item, acceptedAt: at('09:00:00'), finishedAt: at(`1${i % 6}:00:00`) });
      return insertCase(db(), { serviceItemCode: item, acceptedAt: at('09:00:00'), finishedAt: at('09:20:00') });
    };
    const item = `RM-FAST-${randomUUID().slice(0, 8)}`;
    const fast = await seed(item, 20);
    const small = await seed(`RM-FEW-${randomUUID().slice(0, 8)}`, 10);
    const found = (await forecast({ kind: 'decision_too_fast' })).filter((i) => i.facts.serviceItemCode === item);
    expect(found).toEqual([expect.objectContaining({ caseId: fast.id, facts: expect.objectContaining({ workedHours: 0.33, sample: 21 }) })]);
    expect((await forecast({ kind: 'decision_too_fast', caseId: small.id }))).toEqual([]);

    // The scan reviews decided cases at most hourly: once that is due, it stores the flag.
    await db().query(`UPDATE risk_scan SET reviewed = false`);
    const reviewing = await scan();
    expect(reviewing.reviewed).toBe(true);
    expect((await scan()).reviewed).toBe(false);
    expect(kindsOf(await flagsOf(fast.id))).toEqual(['decision_too_fast']);
    expect(await flagsOf(small.id)).toEqual([]);
  });

  it('auto_approval_sample: a 秒批 approval with no person after the rule, picked by a hash of the case id', async () => {
    // A real 秒批: a small drinks shop, approved by the rule right after acceptance.
    const auto = await applyForFoodLicence({ floorArea: 80.0, businessScope: '自制饮品制售' });
    await decide((await taskOf(market, auto, 'accept')).id, { action: 'accept' });
    await expect.poll(async () => (await system.http().get(`/api/cases/${auto}`).set(auth(citizen))).body.status, { timeout: 15_000 }).toBe('approved');
    expect(await forecast({ caseId: auto, kind: 'auto_approval_sample' })).toEqual([expect.objectContaining({ caseId: auto, targetKey: `case:${auto}` })]);
    // The check after the case's last change samples it at once, without waiting for the hourly review.
    await check(auto);
    expect((await flagsOf(auto)).filter((f) => f.kind === 'auto_approval_sample')).toEqual([expect.objectContaining({ status: 'open', severity: 'yellow' })]);

    // A rule said yes, but a clerk approved afterwards: a person decided.
    const reviewed = await insertCase(db(), { finishedAt: ago(HOUR) });
    await insertHistory(db(), reviewed.id, [
      { action: 'accept', at: ago(3 * HOUR), actorId: randomUUID() },
      { action: 'rule_evaluated', at: ago(2 * HOUR), data: { result: true, rule: 'true' } },
      { action: 'approve', at: ago(HOUR), actorId: randomUUID() },
    ]);
    expect(await forecast({ caseId: reviewed.id, kind: 'auto_approval_sample' })).toEqual([]);

    // The sample is md5-based, the same in SQL as anywhere else.
    const ids = Array.from({ length: 20 }, () => randomUUID());
    const [row] = await db().query(`SELECT array_agg((('x' || substr(md5(id::text), 1, 8))::bit(32)::bigint % 10000) ORDER BY ord) AS buckets FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)`, [ids]);
    expect(row.buckets.map(Number)).toEqual(ids.map((id) => parseInt(createHash('md5').update(id).digest('hex').slice(0, 8), 16) % 10000));
  });

  it('job_failed: a job that failed its last attempt recently', async () => {
    const caseId = randomUUID();
    const insert = (failedAt: Date) =>
      db().query(`INSERT INTO failed_job (queue, job_id, job_name, payload, error, attempts, failed_at) VALUES ('workflow', $1, 'workflow.fire-timer', $2, 'boom', 5, $3) RETURNING id`, [
        `outbox-${randomUUID()}`,
        JSON.stringify({ caseId, timerId: 't' }),
        failedAt,
      ]);
    const [[recent], [old]] = [await insert(ago(HOUR)), await insert(ago(60 * DAY))];
    const found = await forecast({ kind: 'job_failed' });
    expect(found.filter((i) => i.targetKey === `failed_job:${recent.id}`)).toEqual([expect.objectContaining({ severity: 'red', caseId })]);
    expect(found.filter((i) => i.targetKey === `failed_job:${old.id}`)).toEqual([]);
  });

  it("benefit_run_jump: a run's eligible count against the policy's run before it", async () => {
    const [policy] = await db().query(`INSERT INTO benefit_policy (code, subject_type, current_version, department_code) VALUES ($1, 'person', 1, 'civil-affairs') RETURNING id`, [
      `rm-jump-${randomUUID().slice(0, 8)}`,
    ]);
    const [version] = await db().query(
      `INSERT INTO benefit_policy_version (policy_id, version, name, rule, variables_used, amount, period) VALUES ($1, 1, '高龄津贴', 'person.age >= 80', '{}', 100, 'monthly') RETURNING id`,
      [policy.id],
    );
    const run = async (eligible: number, finishedAt: Date): Promise<string> =>
      (
        await db().query(
          `INSERT INTO benefit_run (policy_id, policy_version_id, dry_run, status, as_of, period, chunk_size, chunks_total, eligible, finished_at)
           VALUES ($1, $2, false, 'completed', '2026-11-01', '2026-11', 1000, 1, $3, $4) RETURNING id`,
          [policy.id, version.id, eligible, finishedAt],
        )
      )[0].id;
    await run(100, ago(3 * DAY));
    const steady = await run(110, ago(2 * DAY));
    const jump = await run(200, ago(DAY));
    const found = (await forecast({ kind: 'benefit_run_jump' })).filter((i) => [steady, jump].includes(i.facts.runId as string));
    expect(found).toEqual([expect.objectContaining({ targetKey: `benefit_run:${jump}`, facts: expect.objectContaining({ eligible: 200, previous: 110, changePercent: 81.8 }) })]);
  });
});

describe('supervising flags', () => {
  it('acknowledges and resolves with a comment; a resolved flag stays resolved for its target', async () => {
    const id = randomUUID();
    const twice = await insertCase(db(), { id, engineState: engineState(id, {}, { correctionRounds: 2 }) });
    await scan();
    const [flag] = await flagsOf(twice.id);
    expect(flag).toMatchObject({ kind: 'repeated_corrections', status: 'open' });

    const acknowledged = await system.http().post(`/api/risk-flags/${flag!.id}/acknowledge`).set(auth(supervisor)).send({ comment: '已电话督办' }).expect(200);
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', acknowledgeComment: '已电话督办' });
    const missing = await system.http().post(`/api/risk-flags/${flag!.id}/resolve`).set(auth(supervisor)).send({}).expect(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toContain('comment');
    await system.http().post(`/api/risk-flags/${flag!.id}/resolve`).set(auth(supervisor)).send({ comment: '   ' }).expect(400);
    const resolved = await system.http().post(`/api/risk-flags/${flag!.id}/resolve`).set(auth(supervisor)).send({ comment: '申请人已补齐，属正常情况' }).expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'manual', resolutionComment: '申请人已补齐，属正常情况', resolvedBy: expect.any(String) });
    expect((await system.http().post(`/api/risk-flags/${flag!.id}/resolve`).set(auth(supervisor)).send({ comment: 'again' }).expect(409)).body.code).toBe('risk_flag.resolved');
    await system.http().post(`/api/risk-flags/${flag!.id}/acknowledge`).set(auth(supervisor)).send({}).expect(409);

    // The condition still holds, but a person decided: the scan does not raise it again.
    await scan();
    expect(await flagsOf(twice.id, 'open')).toEqual([]);
    await system.http().post(`/api/risk-flags/${randomUUID()}/resolve`).set(auth(supervisor)).send({ comment: 'x' }).expect(404);
    await system.http().post('/api/risk-flags/not-a-uuid/acknowledge').set(auth(supervisor)).send({}).expect(400);
  });

  it('escalates an unacknowledged flag to the department, then to the supervisors, through notifications', async () => {
    const clerk = await system
      .http()
      .post('/api/users')
      .set(auth(admin))
      .send({ username: `clerk.nr.${randomUUID().slice(0, 6)}`, password: 'A-long-passphrase-7', roles: ['clerk'], departmentCode: 'natural-resources', displayName: '自然资源窗口' })
      .expect(201);
    const insertFlag = async (status: string) =>
      (
        await db().query(
          `INSERT INTO risk_flag (kind, severity, target_key, department_code, facts, status, detected_at) VALUES ('job_failed', 'red', $1, 'natural-resources', '{}', $2, $3) RETURNING id`,
          [`failed_job:${randomUUID()}`, status, ago(30 * DAY)],
        )
      )[0].id as string;
    const waiting = await insertFlag('open');
    const handled = await insertFlag('acknowledged');
    expect((await scan()).escalated).toBeGreaterThanOrEqual(1);

    const levels = await db().query(`SELECT id, escalation_level FROM risk_flag WHERE id = ANY($1)`, [[waiting, handled]]);
    expect(Object.fromEntries(levels.map((r: { id: string; escalation_level: number }) => [r.id, r.escalation_level]))).toEqual({ [waiting]: 2, [handled]: 0 });
    const noticesOf = async (token: string) => {
      const { body } = await system.http().get('/api/my/notifications?limit=50').set(auth(token)).expect(200);
      return (body.items as { template: string; data: { level: number; flagIds: string[] } }[]).filter((n) => n.template === 'risk.flags_escalated' && n.data.flagIds.includes(waiting));
    };
    const clerkToken = await system.login(clerk.body.username, 'A-long-passphrase-7');
    expect((await noticesOf(clerkToken)).map((n) => n.data.level)).toEqual([1]);
    expect((await noticesOf(supervisor)).map((n) => n.data.level)).toEqual([2]);
    // A second scan tells nobody again.
    await scan();
    expect(await noticesOf(clerkToken)).toHaveLength(1);
  });

  it('exports flags and the forecast as CSV that Excel reads', async () => {
    const id = randomUUID();
    const twice = await insertCase(db(), { id, engineState: engineState(id, {}, { correctionRounds: 3 }) });
    const byAccept = await system.http().get(`/api/risk-monitor/forecast?caseId=${twice.id}`).set(auth(supervisor)).set('Accept', 'text/csv').expect(200);
    expect(byAccept.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(byAccept.headers['content-disposition']).toBe('attachment; filename="risk-forecast.csv"');
    const lines = byAccept.text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFkind,级别,部门,办件编号,期限,说明,caseId,taskId');
    expect(lines[1]).toBe(`repeated_corrections,黄牌,market-regulation,${twice.caseNo},,办件 ${twice.caseNo} 已要求补正 3 次,${twice.id},`);

    await scan();
    const flags = await system.http().get(`/api/risk-flags?caseId=${twice.id}&format=csv`).set(auth(supervisor)).expect(200);
    expect(flags.text.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(flags.text).toContain('repeated_corrections,黄牌,open,market-regulation');
  });

  it('answers only supervisors and admins, and refuses bad input with the field at fault', async () => {
    const clerk = market;
    for (const token of [citizen, clerk]) {
      await system.http().get('/api/risk-monitor/forecast').set(auth(token)).expect(403);
      await system.http().get('/api/risk-flags').set(auth(token)).expect(403);
      await system.http().post('/api/risk-monitor/scan').set(auth(token)).expect(403);
      await system.http().get(`/api/risk-monitor/scans/${randomUUID()}`).set(auth(token)).expect(403);
      await system.http().post(`/api/risk-flags/${randomUUID()}/acknowledge`).set(auth(token)).send({}).expect(403);
      await system.http().post(`/api/risk-flags/${randomUUID()}/resolve`).set(auth(token)).send({ comment: 'x' }).expect(403);
    }
    await system.http().get('/api/risk-flags').expect(401);
    await system.http().get('/api/risk-flags?status=open&severity=red&limit=5').set(auth(admin)).expect(200);
    expect((await system.http().get(`/api/risk-monitor/scans/${randomUUID()}`).set(auth(supervisor)).expect(404)).body.code).toBe('risk_scan.not_found');
    const bad = await system.http().get('/api/risk-monitor/forecast?asOf=next-friday&kind=purple').set(auth(supervisor)).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['asOf', 'kind']);
    const flags = await system.http().get('/api/risk-flags?severity=orange&status=closed').set(auth(supervisor)).expect(400);
    expect(flags.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['severity', 'status']);
    // Beyond the calendar's horizon the monitor does not guess.
    expect((await system.http().get('/api/risk-monitor/forecast?asOf=2031-01-01T10:00:00Z').set(auth(supervisor)).expect(422)).body.code).toBe('calendar.beyond_horizon');
  });

  it('registers the scheduled scan as one BullMQ job scheduler for the whole cluster', async () => {
    const { QueueBackend } = await import('../src/queue/queue-backend.js');
    const { QueueName } = await import('../src/queue/queue-names.js');
    const queue = system.app.get(QueueBackend).queue(QueueName.RiskMonitor) as unknown as { getJobScheduler(id: string): Promise<{ every?: number; name: string } | undefined> };
    await expect.poll(async () => (await queue.getJobScheduler(SCAN_SCHEDULER_ID))?.every, { timeout: 10_000 }).toBe(300_000);
    expect((await queue.getJobScheduler(SCAN_SCHEDULER_ID))!.name).toBe('risk.scan');
  });
});
