import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { chinaDate, chinaMidnight } from '@app/business-calendar';
import type { Caller } from '../auth/auth.decorators.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CatalogService } from '../catalog/catalog.service.js';
import type { ServiceItem } from '../catalog/service-item.entity.js';
import { Keyset, type Page } from '../http/pagination.js';
import { conflict, notFound } from '../http/problem.js';
import { ClockService } from '../time/clock.service.js';
import type { CommitmentCheckListQuery, CommitmentCheckView } from './commitment-check.dto.js';
import { CommitmentCheck } from './commitment-check.entity.js';

/** The queue's order: the earliest due first. */
const CHECK_PAGES = new Keyset('ASC', { dueAt: { sql: 'k.dueAt', type: 'timestamp' }, id: { sql: 'k.id', type: 'uuid' } });

const seesAll = (caller: Caller) => caller.roles.includes('supervisor') || caller.roles.includes('admin');

/** A case just approved, as the check needs it. */
export interface ApprovedCase {
  id: string;
  caseNo: string;
  serviceItemCode: string | null;
}

/** The `commitment_check` table: opened in the approval's transaction, listed for the department, decided once. */
@Injectable()
export class CommitmentChecksService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly catalog: CatalogService,
    private readonly calendars: CalendarService,
    private readonly clock: ClockService,
  ) {}

  private get checks() {
    return this.txHost.tx.getRepository(CommitmentCheck);
  }

  /**
   * Called in the transaction of an approval a rule gave (告知承诺: the commitment stood in for the
   * review): when the item sets `commitmentCheckDays`, its department must check within that many
   * working days. Once per case; other items and repeated calls open nothing. `known`: the item, when the caller holds it.
   */
  async openFor(approved: ApprovedCase, known?: Pick<ServiceItem, 'code' | 'departmentCode' | 'commitmentCheckDays'>): Promise<CommitmentCheck | null> {
    const item = known ?? (approved.serviceItemCode ? await this.catalog.itemOrNull(approved.serviceItemCode) : null);
    if (!item?.commitmentCheckDays) return null;
    const openedAt = this.clock.now();
    const { date: dueDate } = await this.calendars.addWorkingDays(chinaDate(openedAt), item.commitmentCheckDays);
    await this.txHost.tx
      .createQueryBuilder()
      .insert()
      .into(CommitmentCheck)
      .values({ caseId: approved.id, caseNo: approved.caseNo, serviceItemCode: item.code, departmentCode: item.departmentCode, status: 'open', dueDate, dueAt: chinaMidnight(dueDate, true), openedAt })
      .orIgnore()
      .execute();
    return this.checks.findOneBy({ caseId: approved.id });
  }

  async list(caller: Caller, query: CommitmentCheckListQuery): Promise<Page<CommitmentCheckView>> {
    const limit = query.limit ?? 50;
    const after = CHECK_PAGES.decode(query.cursor);
    const qb = this.checks.createQueryBuilder('k').orderBy(CHECK_PAGES.orderBy).take(limit + 1);
    if (!seesAll(caller)) qb.where('k.departmentCode = :department', { department: caller.departmentCode ?? '' });
    if (query.status) qb.andWhere('k.status = :status', { status: query.status });
    if (after) qb.andWhere(...CHECK_PAGES.after(after));
    const now = this.clock.now();
    return CHECK_PAGES.page(await qb.getMany(), limit, (row) => checkView(row, now), (row) => ({ dueAt: row.dueAt.toISOString(), id: row.id }));
  }

  async view(id: string, caller: Caller): Promise<CommitmentCheckView> {
    return checkView(await this.visible(id, caller), this.clock.now());
  }

  /** A check the caller may see: supervisors and admins all, a clerk their department's; others' answer as no check. */
  async visible(id: string, caller: Caller): Promise<CommitmentCheck> {
    const check = await this.checks.findOneBy({ id });
    if (!check || (!seesAll(caller) && check.departmentCode !== caller.departmentCode)) throw notFound('commitment_check.not_found', 'No such 告知承诺 check.');
    return check;
  }

  /** Records the decision once, in the caller's transaction; a second decision (even a concurrent one) is 409. */
  async decide(check: CommitmentCheck, caller: Caller, decision: { status: 'confirmed' | 'false_commitment'; note: string | null; revokedCertificates: string[] }): Promise<CommitmentCheckView> {
    const decidedAt = this.clock.now();
    const values = { ...decision, decidedAt, decidedBy: caller.id, decidedByName: caller.displayName };
    const updated = await this.txHost.tx.createQueryBuilder().update(CommitmentCheck).set(values).where(`id = :id AND status = 'open'`, { id: check.id }).execute();
    if (updated.affected !== 1) throw alreadyDecided();
    return checkView({ ...check, ...values }, decidedAt);
  }
}

export const alreadyDecided = () => conflict('commitment_check.already_decided', 'This 告知承诺 check was decided already.');

function checkView(check: CommitmentCheck, now: Date): CommitmentCheckView {
  return {
    id: check.id,
    caseId: check.caseId,
    caseNo: check.caseNo,
    serviceItemCode: check.serviceItemCode,
    departmentCode: check.departmentCode,
    status: check.status,
    dueDate: check.dueDate,
    overdue: check.status === 'open' && new Date(check.dueAt).getTime() <= now.getTime(),
    openedAt: check.openedAt,
    decidedAt: check.decidedAt,
    decidedByName: check.decidedByName,
    note: check.note,
    revokedCertificates: check.revokedCertificates,
  };
}
