import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { officialDaysFromChineseDays, yearOf, type CalendarDayRow } from '@app/business-calendar';
import { ClsService } from 'nestjs-cls';
import { Between } from 'typeorm';
import { Keyset, PageQuery, type Page } from '../http/pagination.js';
import { ProblemException, badRequest, notFound } from '../http/problem.js';
import { BUNDLED_NOTICES } from './bundled-notices.js';
import { CalendarChange, type ChangeKind, type StoredDays } from './calendar-change.entity.js';
import { CalendarDayRecord } from './calendar-day.entity.js';
import { CalendarListeners } from './calendar-listeners.js';
import { orBeyondHorizon } from './calendar-problems.js';
import { lockCalendar, readCalendar, readCalendarVersion, type CalendarSnapshot } from './calendar-store.js';
import type { CalendarChangeView, DayChangeView, LoadYearView } from './calendar-views.dto.js';
import type { LoadYearDto, SetDayDto } from './calendar-write.dto.js';
import { CalendarYear } from './calendar-year.entity.js';
import { CALENDAR_CHANGED, CALENDAR_WRITE, PENDING_CALENDAR } from './calendar.service.js';
import { noticeDays, noticeErrors } from './notice-days.js';
import { ClockService } from '../time/clock.service.js';

interface ChangeRecord {
  kind: ChangeKind;
  year: number;
  date: string | null;
  before: StoredDays | null;
  after: StoredDays | null;
  reason: string | null;
  actorId: string | null;
}

/** Newest change first. */
const CHANGE_PAGES = new Keyset('DESC', { version: { sql: 'c.version', type: 'int' } });

/**
 * Every write to the calendar. Each one, in a single transaction: takes the calendar lock, changes the
 * stored days, appends a calendar_change row (which bumps the version), then lets the listeners
 * recompute the cases it affects. A failing listener rolls all of it back.
 */
@Injectable()
export class CalendarAdminService {
  private readonly logger = new Logger(CalendarAdminService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly cls: ClsService,
    private readonly listeners: CalendarListeners,
    private readonly clock: ClockService,
  ) {}

  /** PUT /calendar/years/:year. Overrides of dates in that year stay and keep winning over the notice. */
  @Transactional()
  async loadOfficialYear(year: number, { holidays, workdays, source }: LoadYearDto, actorId: string): Promise<LoadYearView> {
    const previous = await this.lockedSnapshot();
    if (previous) this.checkYearOrder(year, previous.officialYears);
    const errors = noticeErrors(year, { holidays, workdays });
    if (errors.length > 0) throw badRequest('calendar.invalid_notice', `The notice for ${year} has ${errors.length} invalid date(s).`, errors);
    return this.writeOfficialYear(previous, year, noticeDays(year, { holidays, workdays }), source, actorId);
  }

  /**
   * At start-up: loads each notice the application bundles (from chinese-days) that the database lacks.
   * Every process runs it; the lock makes the first one load and the others find the years there.
   */
  @Transactional()
  async loadBundledNotices(): Promise<number[]> {
    let snapshot = await this.lockedSnapshot();
    const loaded: number[] = [];
    for (const { year, source } of BUNDLED_NOTICES) {
      if (snapshot?.officialYears.includes(year)) continue;
      await this.writeOfficialYear(snapshot, year, officialDaysFromChineseDays(year), source, null);
      snapshot = await readCalendar(this.txHost.tx);
      loaded.push(year);
    }
    if (loaded.length > 0) this.logger.log(`loaded the bundled State Council notices for ${loaded.join(', ')}`);
    return loaded;
  }

  /** PUT /calendar/days/:date: a local change that wins over the notice, in an official or a provisional year. */
  @Transactional()
  async setOverride(date: string, { isWorkday, note }: SetDayDto, actorId: string): Promise<DayChangeView> {
    const previous = await this.requireCalendar();
    const current = orBeyondHorizon(previous.calendar.day(date));
    // Saving the day as it already is changes nothing: no new calendar version, no recomputation. (A
    // provisional day saved as it is does change: it is settled.)
    if (!current.provisional && current.isWorkday === isWorkday && current.note === note) {
      return { date, isWorkday, note, provisional: current.provisional, overridden: previous.overrides.has(date), recomputedCases: 0, version: previous.version };
    }
    const before = await this.days.findOneBy({ date, source: 'override' });
    await this.days.upsert({ date, source: 'override', isWorkday, note }, ['date', 'source']);
    return this.afterDayChange(previous, date, {
      kind: 'override-set',
      year: yearOf(date),
      date,
      before: before && { isWorkday: before.isWorkday, note: before.note },
      after: { isWorkday, note },
      reason: note,
      actorId,
    });
  }

  /** DELETE /calendar/days/:date: the day follows the notice (or, without one, the statute) again. */
  @Transactional()
  async removeOverride(date: string, actorId: string): Promise<DayChangeView> {
    const previous = await this.requireCalendar();
    const before = await this.days.findOneBy({ date, source: 'override' });
    if (!before) throw notFound('calendar.no_override', `${date} has no local change to remove.`);
    await this.days.delete({ date, source: 'override' });
    return this.afterDayChange(previous, date, {
      kind: 'override-removed',
      year: yearOf(date),
      date,
      before: { isWorkday: before.isWorkday, note: before.note },
      after: null,
      reason: null,
      actorId,
    });
  }

  /** GET /calendar/changes: the history, newest first. */
  async changes(page: PageQuery): Promise<Page<CalendarChangeView>> {
    const limit = page.limit ?? 50;
    const before = CHANGE_PAGES.decode(page.cursor);
    const query = this.txHost.tx.getRepository(CalendarChange).createQueryBuilder('c').orderBy(CHANGE_PAGES.orderBy).take(limit + 1);
    if (before) query.where(...CHANGE_PAGES.after(before));
    return CHANGE_PAGES.page(await query.getMany(), limit, (change) => change, (change) => ({ version: change.version }));
  }

  private get days() {
    return this.txHost.tx.getRepository(CalendarDayRecord);
  }

  private async lockedSnapshot(): Promise<CalendarSnapshot | null> {
    await lockCalendar(this.txHost.tx);
    return readCalendar(this.txHost.tx);
  }

  private async requireCalendar(): Promise<CalendarSnapshot> {
    const snapshot = await this.lockedSnapshot();
    if (!snapshot) throw new Error('No State Council notice is loaded: the calendar start-up has not run on this database');
    return snapshot;
  }

  /** Notices come out one year at a time; a gap would leave a year between two notices guessed from the statute. */
  private checkYearOrder(year: number, officialYears: readonly number[]): void {
    const first = officialYears[0];
    const next = officialYears[officialYears.length - 1] + 1;
    if (year >= first && year <= next) return;
    const message = year < first ? `must not be before ${first}, the first year of the calendar` : `must be at most ${next}: load the notice for ${next} first`;
    throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, 'calendar.year_out_of_order', `The notice for ${year} cannot be loaded: the year ${message}.`, [
      { path: 'year', message },
    ]);
  }

  private async writeOfficialYear(
    previous: CalendarSnapshot | null,
    year: number,
    rows: CalendarDayRow[],
    source: string,
    actorId: string | null,
  ): Promise<LoadYearView> {
    const [from, to] = [`${year}-01-01`, `${year}-12-31`];
    const oldRows = await this.days.find({ where: { source: 'official', date: Between(from, to) }, order: { date: 'ASC' } });
    const oldYear = await this.txHost.tx.getRepository(CalendarYear).findOneBy({ year });
    await this.days.delete({ source: 'official', date: Between(from, to) });
    await this.days.insert(rows.map(({ date, isWorkday, note }) => ({ date, source: 'official' as const, isWorkday, note })));
    await this.txHost.tx.getRepository(CalendarYear).save({ year, source, loadedAt: this.clock.now(), loadedBy: actorId });
    const storedDays = (source: string, days: CalendarDayRecord[] | CalendarDayRow[]): StoredDays => ({
      source,
      days: days.map(({ date, isWorkday, note }) => ({ date, isWorkday, note })),
    });
    const { version, recomputedCases } = await this.record(previous, from, to, {
      kind: 'official-year',
      year,
      date: null,
      before: oldYear && storedDays(oldYear.source, oldRows),
      after: storedDays(source, rows),
      reason: source,
      actorId,
    });
    return { year, recomputedCases, version };
  }

  private async afterDayChange(previous: CalendarSnapshot, date: string, change: ChangeRecord): Promise<DayChangeView> {
    const { version, recomputedCases, current } = await this.record(previous, date, date, change);
    const day = orBeyondHorizon(current.calendar.day(date));
    return { date, isWorkday: day.isWorkday, note: day.note, provisional: day.provisional, overridden: current.overrides.has(date), recomputedCases, version };
  }

  /**
   * Appends the change (its version is the calendar's next), then runs the listeners with the changed
   * calendar in scope. The very first notice has no listeners to tell: without a calendar no deadline exists.
   */
  private async record(
    previous: CalendarSnapshot | null,
    from: string,
    to: string,
    change: ChangeRecord,
  ): Promise<{ version: number; recomputedCases: number; current: CalendarSnapshot }> {
    const version = (await readCalendarVersion(this.txHost.tx)) + 1;
    this.cls.set(CALENDAR_WRITE, true);
    await this.txHost.tx.getRepository(CalendarChange).insert({ version, ...change });
    // Every process forgets its calendar when this commits (CalendarService).
    await this.txHost.tx.query('SELECT pg_notify($1, $2)', [CALENDAR_CHANGED, String(version)]);
    const current = await readCalendar(this.txHost.tx);
    if (!current) throw new Error('The calendar vanished inside its own transaction');
    if (!previous) return { version, recomputedCases: 0, current };
    const recomputedCases = await this.cls.run({ ifNested: 'inherit' }, () => {
      this.cls.set(PENDING_CALENDAR, current);
      return this.listeners.notify({ kind: change.kind, from, to, version, previous: previous.calendar, current: current.calendar, actorId: change.actorId });
    });
    return { version, recomputedCases, current };
  }
}
