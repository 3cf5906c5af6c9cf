import { WorkingTime, WorkingTimeSql } from '@app/business-calendar';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlParams } from '../src/reporting/sql-params.js';
import { CalendarService } from '../src/calendar/calendar.service.js';
import { insertCase, insertHistory } from './support/risk-monitor-fixtures.js';
import { startTestSystem, type TestSystem } from './support/system.js';
import { GUIDE } from './support/guide.js';

let system: TestSystem;
let supervisor: string;
let admin: string;

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const db = () => system.app.get(DataSource);
const MINUTE = 60_000;
const DEPARTMENT = 'ecology-environment';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** percentile_cont, written out: linear interpolation between the two nearest ranks. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (position - low) * (sorted[high]! - sorted[low]!);
}

let workdays: Map<string, boolean>;

/** Working seconds counted minute by minute: 09:00–17:00 China time on the calendar's working days. */
function workingSeconds(from: Date, to: Date): number {
  let seconds = 0;
  for (let ms = from.getTime(); ms < to.getTime(); ms += MINUTE) {
    const local = new Date(ms + 8 * 3_600_000);
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
    if (workdays.get(local.toISOString().slice(0, 10)) && minute >= 9 * 60 && minute < 17 * 60) seconds += 60;
  }
  return seconds;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

interface Seeded {
  id: string;
  acceptedAt: Date;
  finishedAt: Date;
  promised: Date;
  statutory: Date;
  clerk: string | null;
}

let itemCode: string;
let clerks: { id: string; username: string }[];
const seeded: Seeded[] = [];

beforeAll(async () => {
  system = await startTestSystem('single-server');
  [supervisor, admin] = await Promise.all(['supervisor', 'admin'].map((u) => system.login(u)));
  const { body } = await system.http().get('/api/calendar/days').query({ from: '2026-09-01', to: '2026-12-31' }).set(auth(supervisor)).expect(200);
  workdays = new Map((body.items as { date: string; isWorkday: boolean }[]).map((d) => [d.date, d.isWorkday]));

  // An item and two clerks of our own, so other tests' cases do not move the numbers.
  itemCode = `AN-${randomUUID().slice(0, 8)}`;
  await system
    .http()
    .post('/api/service-items')
    .set(auth(admin))
    .send({
      code: itemCode,
      name: '排污许可证核发（统计测试）',
      departmentCode: DEPARTMENT,
      statutoryDays: 20,
      promisedDays: 10,
      materials: [{ key: 'application', name: '申请表', required: true, tolerant: false }],
      formSchema: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 2, examples: ['长春某厂'] } } },
      workflowKey: 'discharge-permit',
      ...GUIDE,
    })
    .expect(201);
  clerks = [];
  for (const name of ['甲', '乙']) {
    const username = `clerk.an.${randomUUID().slice(0, 6)}`;
    const created = await system
      .http()
      .post('/api/users')
      .set(auth(admin))
      .send({ username, password: 'A-long-passphrase-7', roles: ['clerk'], departmentCode: DEPARTMENT, displayName: `窗口${name}` })
      .expect(201);
    clerks.push({ id: created.body.id, username });
  }

  // 36 decided cases accepted from 21 September to 20 October 2026, across weekends and 国庆, at any minute of the day.
  const next = random(20261001);
  const start = new Date('2026-09-21T00:00:00+08:00').getTime();
  for (let i = 0; i < 36; i++) {
    const acceptedAt = new Date(start + Math.floor(next() * 30 * 24 * 60) * MINUTE);
    const finishedAt = new Date(acceptedAt.getTime() + Math.floor(next() * 12 * 24 * 60) * MINUTE);
    const promised = new Date(acceptedAt.getTime() + (2 + Math.floor(next() * 10)) * 24 * 60 * MINUTE);
    const statutory = new Date(promised.getTime() + Math.floor(next() * 6) * 24 * 60 * MINUTE);
    const clerk = i % 6 === 5 ? null : clerks[i % 2]!.id;
    const status = ['approved', 'rejected', 'completed'][i % 3]!;
    const { id } = await insertCase(db(), { serviceItemCode: itemCode, departmentCode: DEPARTMENT, status, acceptedAt, finishedAt, promisedDeadline: promised, statutoryDeadline: statutory, submittedAt: acceptedAt, decidedBy: clerk });
    // The applicant acts last on some: only staff decisions name the clerk (the engine keeps decided_by; see cases.e2e).
    await insertHistory(db(), id, [
      { action: 'submit', at: acceptedAt, actorId: randomUUID() },
      ...(clerk ? [{ action: i % 2 ? 'accept' : 'approve', at: finishedAt, actorId: clerk }] : [{ action: 'rule_evaluated', at: finishedAt, data: { result: true } }]),
      ...(i % 4 === 0 ? [{ action: 'correction_answered', at: finishedAt, actorId: randomUUID() }] : []),
    ]);
    seeded.push({ id, acceptedAt, finishedAt, promised, statutory, clerk });
  }
  // Not in the report: withdrawn, never accepted, still open, and decided after the range.
  await insertCase(db(), { serviceItemCode: itemCode, departmentCode: DEPARTMENT, status: 'withdrawn', acceptedAt: new Date('2026-10-01T10:00:00+08:00'), finishedAt: new Date('2026-10-02T10:00:00+08:00') });
  await insertCase(db(), { serviceItemCode: itemCode, departmentCode: DEPARTMENT, status: 'refused', acceptedAt: null, finishedAt: new Date('2026-10-02T10:00:00+08:00') });
  await insertCase(db(), { serviceItemCode: itemCode, departmentCode: DEPARTMENT, acceptedAt: new Date('2026-10-02T10:00:00+08:00') });
  await insertCase(db(), { serviceItemCode: itemCode, departmentCode: DEPARTMENT, acceptedAt: new Date('2026-11-02T10:00:00+08:00'), finishedAt: new Date('2026-11-03T10:00:00+08:00') });
});

afterAll(async () => {
  await system?.stopAll();
});

/** The report's numbers for some of the seeded cases, computed here from scratch. */
function expected(cases: Seeded[]) {
  const hours = cases.map((c) => workingSeconds(c.acceptedAt, c.finishedAt) / 3600);
  return {
    count: cases.length,
    p50Hours: round(percentile(hours, 0.5), 4),
    p90Hours: round(percentile(hours, 0.9), 4),
    overdueRate: round(cases.filter((c) => c.finishedAt >= c.promised).length / cases.length, 4),
    statutoryOverdueRate: round(cases.filter((c) => c.finishedAt >= c.statutory).length / cases.length, 4),
  };
}

const RANGE = { from: '2026-09-01', to: '2026-10-31' };
const inRange = () => seeded.filter((c) => c.finishedAt < new Date('2026-11-01T00:00:00+08:00'));

describe('turnaround', () => {
  it('matches percentiles of working hours and overdue rates computed independently, per item and per department', async () => {
    const cases = inRange();
    expect(cases.length).toBeGreaterThan(25);
    expect(cases.some((c) => c.finishedAt >= c.promised) && cases.some((c) => c.finishedAt < c.promised)).toBe(true);
    const byItem = await system.http().get('/api/analytics/turnaround').query({ ...RANGE, groupBy: 'serviceItem', serviceItemCode: itemCode }).set(auth(supervisor)).expect(200);
    expect(byItem.body.items).toEqual([{ key: itemCode, label: '排污许可证核发（统计测试）', ...expected(cases) }]);
    expect(byItem.body).toMatchObject({ groupBy: 'serviceItem', from: '2026-08-31T16:00:00.000Z', to: '2026-10-31T16:00:00.000Z' });

    const byDepartment = await system.http().get('/api/analytics/turnaround').query({ ...RANGE, groupBy: 'department', serviceItemCode: itemCode }).set(auth(supervisor)).expect(200);
    expect(byDepartment.body.items).toEqual([{ key: DEPARTMENT, label: '长春市生态环境局南关区分局', ...expected(cases) }]);
  });

  it('groups by the last staff member who decided, and counts decisions nobody made as (system)', async () => {
    const cases = inRange();
    const { body } = await system.http().get('/api/analytics/turnaround').query({ ...RANGE, groupBy: 'clerk', serviceItemCode: itemCode }).set(auth(admin)).expect(200);
    const want = [
      ...clerks.map((clerk, i) => ({ key: clerk.username, label: `窗口${['甲', '乙'][i]}`, ...expected(cases.filter((c) => c.clerk === clerk.id)) })),
      { key: '(system)', label: null, ...expected(cases.filter((c) => c.clerk === null)) },
    ].sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(body.items).toEqual(want);
  });

  it('computes working time in SQL exactly as in JS, to the second', async () => {
    const { calendar, officialYears } = await system.app.get(CalendarService).snapshot();
    const time = WorkingTime.of(calendar, officialYears);
    const next = random(7);
    const instants = Array.from({ length: 200 }, () => new Date(new Date('2025-01-01T00:00:00Z').getTime() + Math.floor(next() * 4 * 365 * 24 * 3600) * 1000));
    const params = new SqlParams();
    const sql = new WorkingTimeSql(time, params).secondsAt('t.at');
    const rows = await db().query(`SELECT ${sql} AS seconds FROM unnest(${params.add(instants)}::timestamptz[]) WITH ORDINALITY AS t(at, ord) ORDER BY ord`, params.values);
    expect(rows.map((r: { seconds: string | null }) => (r.seconds === null ? null : Number(r.seconds)))).toEqual(instants.map((at) => time.secondsAt(at)));
    // Outside the calendar the answer is unknown in both.
    expect(time.secondsAt(new Date('2029-01-01T12:00:00Z'))).toBeNull();
  });

  it('exports CSV with a BOM, by ?format=csv or by Accept', async () => {
    const csv = await system.http().get('/api/analytics/turnaround').query({ ...RANGE, serviceItemCode: itemCode, format: 'csv' }).set(auth(supervisor)).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="turnaround.csv"');
    const want = expected(inRange());
    expect(csv.text).toBe(
      `\uFEFFkey,名称,办结件数,p50（工作小时）,p90（工作小时）,超承诺时限率,超法定时限率\r\n` +
        `${itemCode},排污许可证核发（统计测试）,${want.count},${want.p50Hours},${want.p90Hours},${want.overdueRate},${want.statutoryOverdueRate}\r\n`,
    );
    const byAccept = await system.http().get('/api/analytics/turnaround').query({ ...RANGE, serviceItemCode: itemCode }).set(auth(supervisor)).set('Accept', 'text/csv').expect(200);
    expect(byAccept.text).toBe(csv.text);
    const json = await system.http().get('/api/analytics/turnaround').query({ ...RANGE, serviceItemCode: itemCode, format: 'json' }).set(auth(supervisor)).set('Accept', 'text/csv').expect(200);
    expect(json.body.items).toHaveLength(1);
  });

  it('refuses bad parameters with the field at fault, and anyone but supervisors and admins', async () => {
    const bad = await system.http().get('/api/analytics/turnaround?groupBy=weekday&from=yesterday&format=xlsx').set(auth(supervisor)).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['format', 'from', 'groupBy']);
    const backwards = await system.http().get('/api/analytics/turnaround?from=2026-10-31&to=2026-10-01').set(auth(supervisor)).expect(400);
    expect(backwards.body).toMatchObject({ code: 'analytics.invalid_range', errors: [{ path: 'to' }] });
    await system.http().get('/api/analytics/ratings?groupBy=clerk').set(auth(supervisor)).expect(400);
    for (const user of ['citizen1', 'clerk.ecology-environment']) {
      const token = await system.login(user);
      await system.http().get('/api/analytics/turnaround').set(auth(token)).expect(403);
      await system.http().get('/api/analytics/ratings').set(auth(token)).expect(403);
    }
  });
});

describe('ratings', () => {
  it('counts, averages and counts the 1–2 scores per item and per department, for ratings given in the range', async () => {
    const scores = [5, 4, 2, 1, 5, 3, 2];
    for (const [i, score] of scores.entries()) {
      await db().query(`INSERT INTO case_rating (case_id, score, created_at) VALUES ($1, $2, $3)`, [seeded[i]!.id, score, new Date('2026-10-25T10:00:00+08:00')]);
    }
    // Given after the range: not counted.
    await db().query(`INSERT INTO case_rating (case_id, score, created_at) VALUES ($1, 1, $2)`, [seeded[10]!.id, new Date('2026-11-05T10:00:00+08:00')]);
    const want = { count: scores.length, average: round(scores.reduce((a, b) => a + b, 0) / scores.length, 2), low: 3 };
    const byItem = await system.http().get('/api/analytics/ratings').query({ ...RANGE, serviceItemCode: itemCode }).set(auth(supervisor)).expect(200);
    expect(byItem.body.items).toEqual([{ key: itemCode, label: '排污许可证核发（统计测试）', ...want }]);
    const byDepartment = await system.http().get('/api/analytics/ratings').query({ ...RANGE, groupBy: 'department', serviceItemCode: itemCode }).set(auth(supervisor)).expect(200);
    expect(byDepartment.body.items).toEqual([{ key: DEPARTMENT, label: '长春市生态环境局南关区分局', ...want }]);
    const csv = await system.http().get('/api/analytics/ratings').query({ ...RANGE, serviceItemCode: itemCode }).set(auth(supervisor)).set('Accept', 'text/csv').expect(200);
    expect(csv.text.split('\r\n')[1]).toBe(`${itemCode},排污许可证核发（统计测试）,7,${want.average},3`);
  });
});
