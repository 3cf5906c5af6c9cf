import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { PROVISIONAL_YEARS, deadlines, epochDayOrNaN, type BusinessCalendar, type Clock, type Deadlines, type Instant } from '@app/business-calendar';
import { ClsService } from 'nestjs-cls';
import { DatabaseNotifications } from '../database/database-notifications.js';
import { badRequest } from '../http/problem.js';
import { beyondHorizon, orBeyondHorizon } from './calendar-problems.js';
import { readCalendar, readCalendarVersion, type CalendarSnapshot } from './calendar-store.js';
import type { CalendarDaysView, CalendarYearsView, WorkingDayView } from './calendar-views.dto.js';
import { CalendarYear } from './calendar-year.entity.js';

/** GET /calendar/days answers at most three years at once (any three consecutive years have ≤ 1096 days). */
export const MAX_RANGE_DAYS = 1096;

/** CLS key of the calendar a write transaction is about to commit (see CalendarAdminService). */
export const PENDING_CALENDAR = Symbol('PENDING_CALENDAR');
/** CLS key set by a transaction that writes the calendar: what it reads is not yet everyone's calendar. */
export const CALENDAR_WRITE = Symbol('CALENDAR_WRITE');

/** Channel of `pg_notify(CALENDAR_CHANGED, version)`, sent in the transaction that changes the calendar. */
export const CALENDAR_CHANGED = 'ywtb_calendar_changed';

/**
 * How long a process answers with its calendar without asking for the version, as long as it heard of
 * no change. Every change is announced to every process at commit (CALENDAR_CHANGED), so this only
 * bounds staleness while a process's listening connection is down.
 */
const TRUST_MS = 1_000;

/**
 * The working-day calendar for everyone else: HTTP reads, and the deadlines of cases.
 *
 * Building a BusinessCalendar reads every stored day, so it is built once per calendar version and
 * kept in memory. Whether it is still current is asked with one indexed `SELECT max(version)` at most
 * once a second; a change made by any process (another API replica, a worker) is announced by NOTIFY
 * when it commits and makes every process ask again at its next use. Inside the transaction that
 * changes the calendar, the changed calendar is answered instead, so recomputation sees the new days.
 */
@Injectable()
export class CalendarService implements OnApplicationBootstrap {
  private cached: CalendarSnapshot | null = null;
  /** Until when `cached` is answered without asking (performance.now()); 0 when it must be asked. */
  private trustedUntil = 0;
  /** Raised by every announced change: a version read before it must not be trusted. */
  private generation = 0;

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService,
    private readonly notifications: DatabaseNotifications,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.notifications.listen(CALENDAR_CHANGED, { notified: () => this.forget(), missed: () => this.forget() });
  }

  /** The calendar changed somewhere: ask for the version at the next use. */
  forget(): void {
    this.generation++;
    this.trustedUntil = 0;
  }

  /** The current calendar and its version. Fetch it once per unit of work (a request, a scan), not per case. */
  async snapshot(): Promise<CalendarSnapshot> {
    const pending = this.cls.isActive() ? this.cls.get<CalendarSnapshot | undefined>(PENDING_CALENDAR) : undefined;
    if (pending) return pending;
    // The caller's transaction if it has one: a second pooled connection per caller could starve the pool.
    if (this.cached && performance.now() < this.trustedUntil) return this.cached;
    const manager = this.txHost.tx;
    const generation = this.generation;
    const version = await readCalendarVersion(manager);
    if (this.cached?.version === version) {
      this.trust(generation);
      return this.cached;
    }
    // Each caller builds on its own connection. Sharing one in-flight build between transactions would
    // deadlock on the embedded database, which runs one transaction at a time: the sharer's open
    // transaction would hold up the builder's queries while it waits for them.
    const snapshot = await this.build(manager);
    if (snapshot === this.cached) this.trust(generation);
    return snapshot;
  }

  /** A version read inside a transaction that changes the calendar is not what others see: never trusted there. */
  private trust(generation: number): void {
    if (generation === this.generation && !this.changing()) this.trustedUntil = performance.now() + TRUST_MS;
  }

  private changing(): boolean {
    return this.cls.isActive() && this.cls.get<boolean | undefined>(CALENDAR_WRITE) === true;
  }

  async calendar(): Promise<BusinessCalendar> {
    return (await this.snapshot()).calendar;
  }

  /** The `days`-th working day after `from`; 422 beyond the horizon. */
  async addWorkingDays(from: string, days: number): Promise<WorkingDayView> {
    const { date, provisional } = orBeyondHorizon((await this.calendar()).addWorkingDays(from, days));
    return { date, provisional };
  }

  /** A clock's statutory and promised deadlines (see @app/business-calendar); 422 beyond the horizon. */
  async deadlinesOf(clock: Clock, at?: Instant): Promise<Deadlines> {
    const result = deadlines(clock, await this.calendar(), at);
    if (!result.ok) throw beyondHorizon(result);
    const { ok: _ok, ...answer } = result;
    return answer;
  }

  async days(from: string, to: string): Promise<CalendarDaysView> {
    const span = epochDayOrNaN(to) - epochDayOrNaN(from) + 1;
    if (span < 1) throw badRequest('calendar.invalid_range', `to (${to}) is before from (${from}).`, [{ path: 'to', message: 'must not be before from' }]);
    if (span > MAX_RANGE_DAYS) {
      throw badRequest('calendar.invalid_range', `The range has ${span} days; ask for at most ${MAX_RANGE_DAYS} (three years) at once.`, [
        { path: 'to', message: `must be at most ${MAX_RANGE_DAYS - 1} days after from` },
      ]);
    }
    const { calendar, overrides } = await this.snapshot();
    const { items } = orBeyondHorizon(calendar.daysBetween(from, to));
    return { items: items.map(({ date, isWorkday, note, provisional }) => ({ date, isWorkday, note, provisional, overridden: overrides.has(date) })) };
  }

  async years(): Promise<CalendarYearsView> {
    const { version, officialYears } = await this.snapshot();
    const rows = await this.txHost.tx.getRepository(CalendarYear).find({ order: { year: 'ASC' } });
    const last = officialYears[officialYears.length - 1];
    return {
      items: rows.map(({ year, source, loadedAt }) => ({ year, source, loadedAt })),
      provisionalYears: Array.from({ length: PROVISIONAL_YEARS }, (_, i) => last + 1 + i),
      version,
    };
  }

  private async build(manager: TransactionHost<TransactionalAdapterTypeOrm>['tx']): Promise<CalendarSnapshot> {
    const snapshot = await readCalendar(manager);
    if (!snapshot) throw new Error('No State Council notice is loaded: the calendar start-up (CalendarBootstrap) has not run on this database');
    // Builds may race; keep the newer one.
    if (!this.cached || snapshot.version > this.cached.version) this.cached = snapshot;
    return snapshot;
  }
}
