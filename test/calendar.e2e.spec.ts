import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CalendarListeners } from '../src/calendar/calendar-listeners.js';
import { CalendarService } from '../src/calendar/calendar.service.js';
import { privateDatabase } from './support/private-database.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * The working-day calendar over HTTP (issue 9), in single-server mode. Loading a 2027 notice and
 * overriding days would change the calendar under every other test file of the run, so this file
 * gets a database of its own, which also shows the start-up loading the bundled notices into an
 * empty database, with two processes starting at once.
 */
let database: { url: string; drop(): Promise<void> };
let system: TestSystem;
/**
 * A second application on the same database, standing in for another process: it has its own calendar
 * cache and must see the first one's changes at once. (It shares this Node process, where @Transactional
 * finds its TransactionHost statically; both reach the same database, so only the caches are under test.)
 */
let replica: TestSystem;
/**
 * Another process hears of a calendar change by NOTIFY when it commits, and answers with it from then on:
 * moments after the writer's answer, not necessarily before it reaches the client.
 */
const onReplica = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 5_000, interval: 50 });
let admin: string;
let citizen: string;

beforeAll(async () => {
  database = await privateDatabase('calendar');
  [system, replica] = await Promise.all([
    startTestSystem('single-server', { DATABASE_URL: database.url }),
    startTestSystem('single-server', { DATABASE_URL: database.url, ROLE: 'api' }),
  ]);
  admin = await system.login('admin');
  citizen = await system.login('citizen1');
});

afterAll(async () => {
  await replica?.stopAll();
  await system?.stopAll();
  await database?.drop();
});

const addWorkingDays = async (from: string, days: number, on: TestSystem = system) =>
  (await on.http().get('/api/calendar/add-working-days').query({ from, days }).expect(200)).body as { date: string; provisional: boolean };

interface Day {
  date: string;
  isWorkday: boolean;
  note: string | null;
  provisional: boolean;
  overridden: boolean;
}

const daysBetween = async (from: string, to: string, on: TestSystem = system) =>
  ((await on.http().get('/api/calendar/days').query({ from, to }).expect(200)).body as { items: Day[] }).items;

/** Day by date, for readable expectations. */
const byDate = (items: Day[]) => new Map(items.map((day) => [day.date, day]));

function expectProblem(response: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code, type: `urn:ywtb:problem:${code}` });
}

/** The fields at fault, each once (a field breaking two rules has two errors). */
const paths = (body: { errors?: { path: string }[] }) => [...new Set((body.errors ?? []).map((error) => error.path))];

const changes = async () =>
  (await system.http().get('/api/calendar/changes').set('Authorization', `Bearer ${admin}`).expect(200)).body.items as {
    version: number;
    kind: string;
    year: number;
    date: string | null;
    before: unknown;
    after: unknown;
    reason: string | null;
    actorId: string | null;
  }[];

/** An invented 2027 notice in the shape of the real ones (the real one was not out when this was written). */
const notice2027 = {
  holidays: [
    '2027-01-01', '2027-01-02', '2027-01-03',
    '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12',
    '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07',
  ],
  workdays: ['2027-01-31', '2027-02-20', '2027-09-26', '2027-10-09'],
  source: '测试用：国务院办公厅关于2027年部分节假日安排的通知（e2e）',
};

describe('start-up', () => {
  it('loads the bundled 2025 and 2026 notices once, though two processes started together on an empty database', async () => {
    const years = (await system.http().get('/api/calendar/years').expect(200)).body;
    expect(years.items.map((item: { year: number }) => item.year)).toEqual([2025, 2026]);
    expect(years.items[1].source).toContain('国办发明电〔2025〕7号');
    expect(years.provisionalYears).toEqual([2027, 2028]);
    const history = await changes();
    expect(history.map(({ version, kind, year, actorId }) => ({ version, kind, year, actorId }))).toEqual([
      { version: 2, kind: 'official-year', year: 2026, actorId: null },
      { version: 1, kind: 'official-year', year: 2025, actorId: null },
    ]);
  });
});

describe('the official 2026 schedule (国办发明电〔2025〕7号)', () => {
  it('lists 春节: 15–23 February off, Saturdays 14 and 28 February worked', async () => {
    const days = byDate(await daysBetween('2026-02-13', '2026-03-01'));
    expect(days.size).toBe(17);
    expect(days.get('2026-02-13')).toEqual({ date: '2026-02-13', isWorkday: true, note: null, provisional: false, overridden: false });
    expect(days.get('2026-02-14')).toEqual({ date: '2026-02-14', isWorkday: true, note: '调休上班', provisional: false, overridden: false });
    for (let day = 15; day <= 23; day++) expect(days.get(`2026-02-${day}`)).toMatchObject({ isWorkday: false, note: '春节', provisional: false });
    expect(days.get('2026-02-24')).toMatchObject({ isWorkday: true, note: null });
    expect(days.get('2026-02-28')).toMatchObject({ isWorkday: true, note: '调休上班' });
    expect(days.get('2026-03-01')).toMatchObject({ isWorkday: false, note: null });
  });

  it('lists 中秋 and 国庆节: 20 September and 10 October worked, 25–27 September and 1–7 October off', async () => {
    const days = byDate(await daysBetween('2026-09-19', '2026-10-11'));
    expect(days.get('2026-09-20')).toMatchObject({ isWorkday: true, note: '调休上班' });
    for (const date of ['2026-09-25', '2026-09-26', '2026-09-27']) expect(days.get(date)).toMatchObject({ isWorkday: false, note: '中秋' });
    for (let day = 1; day <= 7; day++) expect(days.get(`2026-10-0${day}`)).toMatchObject({ isWorkday: false, note: '国庆节' });
    expect(days.get('2026-10-08')).toMatchObject({ isWorkday: true, note: null });
    expect(days.get('2026-10-10')).toMatchObject({ isWorkday: true, note: '调休上班' });
    expect(days.get('2026-10-11')).toMatchObject({ isWorkday: false, note: null });
  });

  // Counted by hand from the notice: `from` never counts; make-up Saturdays and Sundays do.
  it.each([
    ['2026-02-13', 1, '2026-02-14'], // Friday → the make-up Saturday
    ['2026-02-13', 2, '2026-02-24'], // then nine days off
    ['2026-02-12', 3, '2026-02-24'],
    ['2026-02-14', 0, '2026-02-14'],
    ['2026-02-27', 1, '2026-02-28'], // the second make-up Saturday
    ['2026-02-24', 5, '2026-03-02'], // 25, 26, 27, 28 (Sat), 2 March
    ['2026-09-18', 1, '2026-09-20'], // Friday → the make-up Sunday
    ['2026-09-24', 2, '2026-09-29'], // 中秋 25–27, then 28, 29
    ['2026-09-30', 1, '2026-10-08'], // 国庆节 1–7
    ['2026-09-30', 3, '2026-10-10'], // 8, 9, the make-up Saturday
    ['2026-09-30', 4, '2026-10-12'],
    ['2025-01-24', 1, '2025-01-26'], // 2025: the make-up Sunday before 春节
    ['2026-12-25', 4, '2026-12-31'],
  ])('from %s, %i working day(s) → %s', async (from, days, expected) => {
    expect(await addWorkingDays(from, days)).toEqual({ date: expected, provisional: false });
  });
});

describe('years without a notice, and the horizon', () => {
  it('counts into 2027 by the statutory rules and says so', async () => {
    // 28–31 December, then 元旦 (Friday 1 January) off by statute, then 4–8 and 11 January.
    expect(await addWorkingDays('2026-12-25', 10)).toEqual({ date: '2027-01-11', provisional: true });
    // 春节 2027 by statute: 除夕 Friday 5 February to Monday 8, the weekend made up on 9 and 10.
    expect(await addWorkingDays('2027-02-04', 1)).toEqual({ date: '2027-02-11', provisional: true });
  });

  it('marks every 2027 day provisional, with the statutory holidays noted', async () => {
    const days = await daysBetween('2027-02-04', '2027-02-11');
    expect(days.every((day) => day.provisional)).toBe(true);
    expect(days.map((day) => [day.date, day.isWorkday, day.note])).toEqual([
      ['2027-02-04', true, null],
      ['2027-02-05', false, '春节'],
      ['2027-02-06', false, '春节'],
      ['2027-02-07', false, '春节'],
      ['2027-02-08', false, '春节'],
      ['2027-02-09', false, '春节补假'],
      ['2027-02-10', false, '春节补假'],
      ['2027-02-11', true, null],
    ]);
  });

  it('refuses beyond two years past the last notice, and before the first, naming the year', async () => {
    const after = await system.http().get('/api/calendar/add-working-days').query({ from: '2029-01-01', days: 1 });
    expectProblem(after, 422, 'calendar.beyond_horizon');
    expect(after.body.year).toBe(2029);
    expect(after.body.detail).toContain('2029');
    const countingPast = await system.http().get('/api/calendar/add-working-days').query({ from: '2028-12-29', days: 5 });
    expectProblem(countingPast, 422, 'calendar.beyond_horizon');
    expect(countingPast.body.year).toBe(2029);
    const listing = await system.http().get('/api/calendar/days').query({ from: '2028-12-30', to: '2029-01-02' });
    expectProblem(listing, 422, 'calendar.beyond_horizon');
    const before = await system.http().get('/api/calendar/add-working-days').query({ from: '2024-12-31', days: 1 });
    expectProblem(before, 422, 'calendar.beyond_horizon');
    expect(before.body.year).toBe(2024);
  });
});

describe('bad input', () => {
  it.each([
    [{ from: '2026-02-13', days: '-1' }, 'days'],
    [{ from: '2026-02-13', days: '1.5' }, 'days'],
    [{ from: '2026-02-13', days: '' }, 'days'],
    [{ from: '2026-02-13', days: 'two' }, 'days'],
    [{ from: '2026-02-13' }, 'days'],
    [{ from: '2026-02-30', days: '1' }, 'from'],
    [{ from: '2026/02/13', days: '1' }, 'from'],
    [{ days: '1' }, 'from'],
  ])('add-working-days %o is a 400 at %s', async (query, path) => {
    const response = await system.http().get('/api/calendar/add-working-days').query(query);
    expectProblem(response, 400, 'validation.failed');
    expect(paths(response.body)).toEqual([path]);
  });

  it('days needs from ≤ to and at most three years', async () => {
    const reversed = await system.http().get('/api/calendar/days').query({ from: '2026-03-01', to: '2026-02-28' });
    expectProblem(reversed, 400, 'calendar.invalid_range');
    expect(paths(reversed.body)).toEqual(['to']);
    const tooLong = await system.http().get('/api/calendar/days').query({ from: '2025-01-01', to: '2028-01-02' });
    expectProblem(tooLong, 400, 'calendar.invalid_range');
    expect((await daysBetween('2026-01-01', '2028-12-31')).length).toBe(1096);
    const malformed = await system.http().get('/api/calendar/days').query({ from: '2026-02-01', to: 'tomorrow' });
    expect(paths(malformed.body)).toEqual(['to']);
  });

  it('only an admin changes the calendar', async () => {
    const body = { isWorkday: false, note: '不该生效' };
    expectProblem(await system.http().put('/api/calendar/days/2026-12-24').send(body), 401, 'auth.unauthenticated');
    expectProblem(await system.http().put('/api/calendar/days/2026-12-24').set('Authorization', `Bearer ${citizen}`).send(body), 403, 'auth.forbidden');
    const load = await system.http().put('/api/calendar/years/2027').set('Authorization', `Bearer ${citizen}`).send(notice2027);
    expectProblem(load, 403, 'auth.forbidden');
    expectProblem(await system.http().get('/api/calendar/changes').set('Authorization', `Bearer ${citizen}`), 403, 'auth.forbidden');
    expect((await addWorkingDays('2026-12-23', 1)).date).toBe('2026-12-24');
  });

  it('refuses a malformed override', async () => {
    const put = (date: string, body: object) => system.http().put(`/api/calendar/days/${date}`).set('Authorization', `Bearer ${admin}`).send(body);
    const badDate = await put('2026-02-30', { isWorkday: false, note: '无' });
    expectProblem(badDate, 400, 'validation.failed');
    expect(paths(badDate.body)).toEqual(['date']);
    const badBody = await put('2026-12-24', { isWorkday: 'no', extra: 1 });
    expect(paths(badBody.body).sort()).toEqual(['extra', 'isWorkday', 'note']);
    const beyond = await put('2030-01-02', { isWorkday: false, note: '太远' });
    expectProblem(beyond, 422, 'calendar.beyond_horizon');
    expect(beyond.body.year).toBe(2030);
  });

  it('refuses a notice with dates of another year, a day both off and worked, or a weekday make-up day', async () => {
    const response = await system
      .http()
      .put('/api/calendar/years/2027')
      .set('Authorization', `Bearer ${admin}`)
      .send({ holidays: ['2027-02-05', '2026-12-31'], workdays: ['2027-02-05', '2027-02-10'], source: '有误的通知' });
    expectProblem(response, 400, 'calendar.invalid_notice');
    expect(paths(response.body)).toEqual(['holidays[1]', 'workdays[0]', 'workdays[1]']);
    const shape = await system.http().put('/api/calendar/years/2027').set('Authorization', `Bearer ${admin}`).send({ holidays: [], workdays: ['x'] });
    expectProblem(shape, 400, 'validation.failed');
    expect(paths(shape.body).sort()).toEqual(['holidays', 'source', 'workdays']);
    const year = await system.http().put('/api/calendar/years/twenty').set('Authorization', `Bearer ${admin}`).send(notice2027);
    expectProblem(year, 400, 'validation.failed');
    expect(paths(year.body)).toEqual(['year']);
  });

  it('loads notices in order: not before the first year, not past the next one', async () => {
    for (const year of [2024, 2028]) {
      const response = await system.http().put(`/api/calendar/years/${year}`).set('Authorization', `Bearer ${admin}`).send({ ...notice2027, holidays: [`${year}-01-01`], workdays: [] });
      expectProblem(response, 422, 'calendar.year_out_of_order');
      expect(paths(response.body)).toEqual(['year']);
    }
    expect((await changes())[0].version).toBe(2);
  });
});

describe('admin overrides', () => {
  it('a local day off changes the answers of every process, and removing it restores them', async () => {
    expect(await addWorkingDays('2026-12-23', 1, replica)).toEqual({ date: '2026-12-24', provisional: false });
    const put = await system
      .http()
      .put('/api/calendar/days/2026-12-24')
      .set('Authorization', `Bearer ${admin}`)
      .send({ isWorkday: false, note: '南关区：系统升级停办一天（测试）' })
      .expect(200);
    expect(put.body).toEqual({
      date: '2026-12-24',
      isWorkday: false,
      note: '南关区：系统升级停办一天（测试）',
      provisional: false,
      overridden: true,
      recomputedCases: 0,
      version: 3,
    });
    expect(await addWorkingDays('2026-12-23', 1)).toEqual({ date: '2026-12-25', provisional: false });
    await onReplica(() => addWorkingDays('2026-12-23', 1, replica)).toEqual({ date: '2026-12-25', provisional: false });
    await onReplica(async () => (await daysBetween('2026-12-24', '2026-12-24', replica))[0]).toMatchObject({ isWorkday: false, overridden: true });

    const me = (await system.http().get('/api/me').set('Authorization', `Bearer ${admin}`).expect(200)).body as { id: string };
    expect((await changes())[0]).toMatchObject({
      version: 3,
      kind: 'override-set',
      year: 2026,
      date: '2026-12-24',
      before: null,
      after: { isWorkday: false, note: '南关区：系统升级停办一天（测试）' },
      reason: '南关区：系统升级停办一天（测试）',
      actorId: me.id,
    });

    const removed = await system.http().delete('/api/calendar/days/2026-12-24').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(removed.body).toMatchObject({ isWorkday: true, note: null, overridden: false, version: 4 });
    await onReplica(() => addWorkingDays('2026-12-23', 1, replica)).toEqual({ date: '2026-12-24', provisional: false });
    expect((await changes())[0]).toMatchObject({ kind: 'override-removed', before: { isWorkday: false }, after: null });
    expectProblem(await system.http().delete('/api/calendar/days/2026-12-24').set('Authorization', `Bearer ${admin}`), 404, 'calendar.no_override');
  });

  it('a day set in a provisional year is settled, not provisional', async () => {
    const put = await system
      .http()
      .put('/api/calendar/days/2027-03-01')
      .set('Authorization', `Bearer ${admin}`)
      .send({ isWorkday: false, note: '南关区：本地节日（测试）' })
      .expect(200);
    expect(put.body).toMatchObject({ isWorkday: false, provisional: false, overridden: true });
    expect(await addWorkingDays('2027-02-26', 1)).toEqual({ date: '2027-03-02', provisional: true });
  });

  it('saving a day with nothing changed records no new calendar version', async () => {
    const before = await changes();
    const again = await system
      .http()
      .put('/api/calendar/days/2027-03-01')
      .set('Authorization', `Bearer ${admin}`)
      .send({ isWorkday: false, note: '南关区：本地节日（测试）' })
      .expect(200);
    expect(again.body).toMatchObject({ isWorkday: false, overridden: true, recomputedCases: 0, version: before[0]!.version });
    // (A real change still makes a version: the tests above and below count them.)
    expect(await changes()).toEqual(before);
  });
});

describe('loading the 2027 notice', () => {
  it('rolls everything back when a listener fails, and the listener sees the new calendar inside the transaction', async () => {
    const listeners = system.app.get(CalendarListeners);
    const calendars = system.app.get(CalendarService);
    const txHost = system.app.get<TransactionHost<TransactionalAdapterTypeOrm>>(TransactionHost);
    const committed = system.app.get(DataSource);
    const seen: Record<string, unknown> = {};
    const spy = vi.spyOn(listeners, 'notify').mockImplementationOnce(async (event) => {
      seen.kind = event.kind;
      seen.range = [event.from, event.to];
      seen.servedCurrent = (await calendars.calendar()) === event.current;
      seen.inTransaction = (await txHost.tx.query('SELECT source FROM calendar_year WHERE year = 2027'))[0]?.source;
      seen.outside = (await committed.query('SELECT source FROM calendar_year WHERE year = 2027'))[0]?.source ?? null;
      seen.moved = event.current.addWorkingDays('2027-02-04', 1);
      throw new Error('a listener failed');
    });
    try {
      const response = await system.http().put('/api/calendar/years/2027').set('Authorization', `Bearer ${admin}`).send(notice2027);
      expectProblem(response, 500, 'internal');
    } finally {
      spy.mockRestore();
    }
    expect(seen).toEqual({
      kind: 'official-year',
      range: ['2027-01-01', '2027-12-31'],
      servedCurrent: true,
      inTransaction: notice2027.source,
      outside: null,
      moved: { ok: true, date: '2027-02-15', provisional: false },
    });
    expect(await addWorkingDays('2027-02-04', 1)).toEqual({ date: '2027-02-11', provisional: true });
    expect((await system.http().get('/api/calendar/years').expect(200)).body.provisionalYears).toEqual([2027, 2028]);
    expect((await changes())[0].version).toBe(5);
  });

  it('makes 2027 official: answers stop being provisional, a date moves, the horizon moves, the override stays', async () => {
    const spy = vi.spyOn(system.app.get(CalendarListeners), 'notify').mockResolvedValueOnce(4);
    let response;
    try {
      response = await system.http().put('/api/calendar/years/2027').set('Authorization', `Bearer ${admin}`).send(notice2027).expect(200);
    } finally {
      spy.mockRestore();
    }
    expect(response.body).toEqual({ year: 2027, recomputedCases: 4, version: 6 });

    await onReplica(() => addWorkingDays('2027-02-04', 1, replica)).toEqual({ date: '2027-02-15', provisional: false });
    await onReplica(() => addWorkingDays('2026-12-25', 10, replica)).toEqual({ date: '2027-01-11', provisional: false });
    expect(await addWorkingDays('2027-01-29', 1)).toEqual({ date: '2027-01-31', provisional: false });
    const spring = await daysBetween('2027-02-05', '2027-02-12');
    expect(spring.every((day) => !day.isWorkday && day.note === '春节' && !day.provisional)).toBe(true);
    expect((await daysBetween('2027-03-01', '2027-03-01'))[0]).toMatchObject({ isWorkday: false, note: '南关区：本地节日（测试）', overridden: true });

    const years = (await replica.http().get('/api/calendar/years').expect(200)).body;
    expect(years.items.map((item: { year: number; source: string }) => [item.year, item.source])).toContainEqual([2027, notice2027.source]);
    expect(years.provisionalYears).toEqual([2028, 2029]);
    expect(await addWorkingDays('2028-12-29', 5)).toEqual({ date: '2029-01-08', provisional: true });
    expectProblem(await system.http().get('/api/calendar/add-working-days').query({ from: '2030-01-02', days: 1 }), 422, 'calendar.beyond_horizon');

    const [latest] = await changes();
    expect(latest).toMatchObject({ version: 6, kind: 'official-year', year: 2027, before: null, reason: notice2027.source });
    expect((latest.after as { days: unknown[] }).days).toHaveLength(notice2027.holidays.length + notice2027.workdays.length);
  });

  it('reloading a corrected notice replaces the year and keeps the old one in the history', async () => {
    const corrected = { ...notice2027, workdays: notice2027.workdays.filter((date) => date !== '2027-01-31'), source: `${notice2027.source}（更正）` };
    await system.http().put('/api/calendar/years/2027').set('Authorization', `Bearer ${admin}`).send(corrected).expect(200);
    await onReplica(() => addWorkingDays('2027-01-29', 1, replica)).toEqual({ date: '2027-02-01', provisional: false });
    const [latest] = await changes();
    expect(latest).toMatchObject({ version: 7, before: { source: notice2027.source }, after: { source: corrected.source } });
    expect((latest.before as { days: { date: string }[] }).days.map((day) => day.date)).toContain('2027-01-31');
  });
});
