import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { officialDaysFromChineseDays } from '@app/business-calendar';
import type { ClsService } from 'nestjs-cls';
import { describe, expect, it, vi } from 'vitest';
import type { CalendarSnapshot } from './calendar-store.js';
import type { DatabaseNotifications } from '../database/database-notifications.js';
import { CALENDAR_WRITE, CalendarService, PENDING_CALENDAR } from './calendar.service.js';

/** A database holding the 2026 notice, answering the three queries the calendar store makes, and counting them. */
class FakeDatabase {
  version = 1;
  overrides: { date: string; isWorkday: boolean; note: string }[] = [];
  readonly queries: string[] = [];

  async query(sql: string): Promise<unknown[]> {
    this.queries.push(sql);
    // Let concurrent callers interleave as they would over a connection.
    await new Promise((resolve) => setImmediate(resolve));
    if (sql.includes('max(version)')) return [{ version: this.version }];
    if (sql.includes('FROM calendar_year')) return [{ year: 2026 }];
    return [
      ...officialDaysFromChineseDays(2026).map((row) => ({ ...row, source: 'official' })),
      ...this.overrides.map((row) => ({ ...row, source: 'override' })),
    ];
  }

  builds(): number {
    return this.queries.filter((sql) => sql.includes('FROM calendar_day')).length;
  }
}

function serviceOn(db: FakeDatabase, pending: Map<unknown, unknown> | null = null): CalendarService {
  const txHost = { tx: db } as unknown as TransactionHost<TransactionalAdapterTypeOrm>;
  const cls = { isActive: () => pending !== null, get: (key: unknown) => pending?.get(key) } as unknown as ClsService;
  return new CalendarService(txHost, cls, { listen: async () => undefined } as unknown as DatabaseNotifications);
}

const versionQueries = (db: FakeDatabase) => db.queries.filter((sql) => sql.includes('max(version)')).length;

describe('CalendarService cache', () => {
  it('builds once per version and does not ask for the version again while no change is announced', async () => {
    const db = new FakeDatabase();
    const service = serviceOn(db);
    const first = await service.calendar();
    expect(await service.calendar()).toBe(first);
    expect(await service.calendar()).toBe(first);
    expect(db.builds()).toBe(1);
    // The version asked once, and read again by the build.
    expect(versionQueries(db)).toBe(2);
  });

  it('sees a change made by another process at the first use after its announcement', async () => {
    const db = new FakeDatabase();
    const service = serviceOn(db);
    expect((await service.addWorkingDays('2026-02-13', 1)).date).toBe('2026-02-14');
    db.overrides.push({ date: '2026-02-14', isWorkday: false, note: '南关区：不调休' });
    db.version = 2;
    service.forget();
    expect((await service.addWorkingDays('2026-02-13', 1)).date).toBe('2026-02-24');
    expect((await service.snapshot()).overrides).toEqual(new Set(['2026-02-14']));
  });

  it('asks for the version again after a second without news (a lost listening connection)', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const db = new FakeDatabase();
      const service = serviceOn(db);
      await service.calendar();
      db.overrides.push({ date: '2026-02-14', isWorkday: false, note: '南关区：不调休' });
      db.version = 2;
      expect((await service.snapshot()).version).toBe(1);
      vi.advanceTimersByTime(1_001);
      expect((await service.snapshot()).version).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never trusts a version read inside a transaction that writes the calendar', async () => {
    const db = new FakeDatabase();
    const service = serviceOn(db, new Map([[CALENDAR_WRITE, true]]));
    await service.calendar();
    await service.calendar();
    expect(versionQueries(db)).toBe(3);
  });

  it('builds on each caller’s own connection when several notice a new version together, then serves the cache', async () => {
    const db = new FakeDatabase();
    const service = serviceOn(db);
    // No sharing of an in-flight build across callers: on the embedded database (one transaction at a
    // time) a caller waiting on another's build from inside its own transaction would deadlock.
    const calendars = await Promise.all(Array.from({ length: 3 }, () => service.calendar()));
    expect(calendars.every((calendar) => calendar.addWorkingDays('2026-09-30', 1).ok)).toBe(true);
    expect(db.builds()).toBe(3);
    await service.calendar();
    expect(db.builds()).toBe(3);
  });

  it('answers with the calendar a write transaction is committing, without reading or caching it', async () => {
    const db = new FakeDatabase();
    const pending = { version: 9 } as CalendarSnapshot;
    expect(await serviceOn(db, new Map([[PENDING_CALENDAR, pending]])).snapshot()).toBe(pending);
    expect(db.queries).toEqual([]);
  });

  it('refuses a date beyond the horizon with a 422 naming the year', async () => {
    const service = serviceOn(new FakeDatabase());
    await expect(service.addWorkingDays('2029-01-02', 1)).rejects.toMatchObject({ status: 422, code: 'calendar.beyond_horizon', extensions: { year: 2029 } });
    await expect(service.addWorkingDays('2028-12-29', 5)).rejects.toMatchObject({ status: 422, extensions: { year: 2029 } });
  });
});
