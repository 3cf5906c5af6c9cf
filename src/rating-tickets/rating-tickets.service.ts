import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Caller } from '../auth/auth.decorators.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { Keyset, type Page } from '../http/pagination.js';
import { conflict, forbidden, notFound } from '../http/problem.js';
import { chinaDate, chinaMidnight } from '@app/business-calendar';
import { ClockService } from '../time/clock.service.js';
import type { RatingTicketListQuery, RatingTicketView } from './rating-ticket.dto.js';
import { RatingTicket, type TicketVisit } from './rating-ticket.entity.js';
import { FOLLOW_UP_WORKING_DAYS, nextTicketState, opensTicket, ratingLabel, type TicketAction } from './ticket-rules.js';

/** Newest first. */
const TICKET_PAGES = new Keyset('DESC', { openedAt: { sql: 't.openedAt', type: 'timestamp' }, id: { sql: 't.id', type: 'uuid' } });

export interface RatedCase {
  caseId: string;
  caseNo: string;
  departmentCode: string | null;
  score: number;
  comment: string | null;
}

const isSupervisor = (caller: Caller) => caller.roles.includes('supervisor') || caller.roles.includes('admin');

/** 差评 整改 tickets: opened with the rating, worked by the case's department, closed by a supervisor. */
@Injectable()
export class RatingTicketsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly calendars: CalendarService,
    private readonly clock: ClockService,
  ) {}

  private get tickets() {
    return this.txHost.tx.getRepository(RatingTicket);
  }

  /**
   * Called in the rating's transaction: a rating of 1 or 2 opens its ticket, due 15 working days later.
   * A second ticket for the same rating is refused by the unique key on the case (409).
   */
  async openFor(rated: RatedCase): Promise<RatingTicket | null> {
    if (!opensTicket(rated.score)) return null;
    const openedAt = this.clock.now();
    const { date: dueDate } = await this.calendars.addWorkingDays(chinaDate(openedAt), FOLLOW_UP_WORKING_DAYS);
    const inserted = await this.txHost.tx
      .createQueryBuilder()
      .insert()
      .into(RatingTicket)
      .values({ ...rated, status: 'open', outcome: null, dueDate, dueAt: chinaMidnight(dueDate, true), visits: [], openedAt })
      .orIgnore()
      .returning('*')
      .execute();
    if ((inserted.raw as unknown[]).length === 0) throw conflict('rating_ticket.exists', 'This rating has its 差评 ticket already.');
    return this.tickets.findOneByOrFail({ caseId: rated.caseId });
  }

  async list(caller: Caller, query: RatingTicketListQuery): Promise<Page<RatingTicketView>> {
    const limit = query.limit ?? 50;
    const after = TICKET_PAGES.decode(query.cursor);
    const qb = this.tickets.createQueryBuilder('t').orderBy(TICKET_PAGES.orderBy).take(limit + 1);
    if (!isSupervisor(caller)) qb.where('t.departmentCode = :department', { department: caller.departmentCode ?? '' });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (after) qb.andWhere(...TICKET_PAGES.after(after));
    const rows = await qb.getMany();
    const now = this.clock.now();
    return TICKET_PAGES.page(rows, limit, (row) => this.toView(row, now), (row) => ({ openedAt: row.openedAt.toISOString(), id: row.id }));
  }

  async view(id: string, caller: Caller): Promise<RatingTicketView> {
    return this.toView(await this.visible(id, caller), this.clock.now());
  }

  @Transactional()
  visit(id: string, caller: Caller, note: string): Promise<RatingTicketView> {
    return this.work(id, caller, { type: 'visit' }, (ticket, record) => ({ visits: [...ticket.visits, record(note)] }));
  }

  @Transactional()
  rectify(id: string, caller: Caller, note: string): Promise<RatingTicketView> {
    return this.work(id, caller, { type: 'rectify' }, (_ticket, record) => ({ rectification: record(note) }));
  }

  @Transactional()
  appeal(id: string, caller: Caller, reason: string): Promise<RatingTicketView> {
    return this.work(id, caller, { type: 'appeal' }, (_ticket, record) => {
      const { note: _note, ...by } = record(reason);
      return { appeal: { reason, ...by, upheld: null, decidedBy: null, decidedAt: null } };
    });
  }

  @Transactional()
  close(id: string, caller: Caller): Promise<RatingTicketView> {
    return this.work(id, caller, { type: 'close' }, () => ({}));
  }

  @Transactional()
  decideAppeal(id: string, caller: Caller, upheld: boolean): Promise<RatingTicketView> {
    return this.work(id, caller, { type: 'decide-appeal', upheld }, (ticket, record) => ({
      appeal: ticket.appeal && { ...ticket.appeal, upheld, decidedBy: caller.id, decidedAt: record('').at },
    }));
  }

  /** A ticket the caller may see: supervisors see all, a clerk their department's; others' answer as no ticket. */
  private async visible(id: string, caller: Caller): Promise<RatingTicket> {
    const ticket = await this.tickets.findOneBy({ id });
    if (!ticket || (!isSupervisor(caller) && (caller.departmentCode === null || ticket.departmentCode !== caller.departmentCode))) {
      throw notFound('rating_ticket.not_found', 'No such 差评 ticket.');
    }
    return ticket;
  }

  private async work(
    id: string,
    caller: Caller,
    action: TicketAction,
    change: (ticket: RatingTicket, record: (note: string) => TicketVisit) => Partial<RatingTicket>,
  ): Promise<RatingTicketView> {
    const ticket = await this.visible(id, caller);
    const byDepartment = action.type === 'visit' || action.type === 'rectify' || action.type === 'appeal';
    // 回访, 整改 and the appeal are the department's own work; closing and deciding are a supervisor's.
    if (byDepartment && !(caller.roles.includes('clerk') && caller.departmentCode === ticket.departmentCode)) {
      throw forbidden('rating_ticket.department_only', 'Only a clerk of the case’s department works its 差评 ticket.');
    }
    if (!byDepartment && !isSupervisor(caller)) throw forbidden('rating_ticket.supervisor_only', 'Only a supervisor closes a ticket or decides an appeal.');
    const step = nextTicketState({ status: ticket.status, appealedFrom: ticket.appealedFrom, appealed: ticket.appeal !== null }, action);
    if (!step.ok) throw conflict(step.code, step.detail);
    const now = this.clock.now();
    const record = (note: string): TicketVisit => ({ note, by: caller.id, byName: caller.displayName, at: now.toISOString() });
    const closing = step.state.status === 'closed';
    const values: Partial<RatingTicket> = {
      ...change(ticket, record),
      status: step.state.status,
      appealedFrom: step.state.appealedFrom,
      outcome: step.outcome,
      ...(closing ? { closedAt: now, closedBy: caller.id } : {}),
      version: ticket.version + 1,
    };
    const result = await this.tickets
      .createQueryBuilder()
      .update(RatingTicket)
      .set(values as never)
      .where('id = :id AND version = :version', { id: ticket.id, version: ticket.version })
      .execute();
    if (result.affected !== 1) throw conflict('rating_ticket.changed', 'The ticket changed meanwhile: reload it and try again.');
    return this.toView({ ...ticket, ...values } as RatingTicket, now);
  }

  private toView(ticket: RatingTicket, now: Date): RatingTicketView {
    return {
      id: ticket.id,
      caseId: ticket.caseId,
      caseNo: ticket.caseNo,
      departmentCode: ticket.departmentCode,
      score: ticket.score,
      scoreLabel: ratingLabel(ticket.score),
      comment: ticket.comment,
      status: ticket.status,
      outcome: ticket.outcome,
      dueDate: ticket.dueDate,
      overdue: ticket.status !== 'closed' && new Date(ticket.dueAt).getTime() <= now.getTime(),
      visits: ticket.visits,
      rectification: ticket.rectification,
      appeal: ticket.appeal,
      openedAt: ticket.openedAt,
      closedAt: ticket.closedAt,
    };
  }
}
