import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { deadlines } from '@app/business-calendar';
import { currentSteps, openCorrection } from '@app/workflow-engine';
import { In, type SelectQueryBuilder } from 'typeorm';
import { isStaff, type Caller } from '../auth/auth.decorators.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CertificatesService } from '../certificates/certificates.service.js';
import { FilesService } from '../files/files.service.js';
import { Keyset, type Page } from '../http/pagination.js';
import { badRequest, conflict, forbidden, notFound, type FieldError } from '../http/problem.js';
import { ClockService } from '../time/clock.service.js';
import { bundleDeadlines, bundleStatus, isFinal } from './bundle-status.js';
import { maskName } from '@app/gov-ids';
import { UsersService } from '../users/users.service.js';
import { AgentsService } from '../agents/agents.service.js';
import { canSeeCase, taskDepartmentsSql } from './case-access.js';
import { CaseClockService } from './case-clock.service.js';
import { CaseEngine } from './case-engine.service.js';
import { CaseFiles } from './case-files.js';
import { CaseRating } from './case-rating.entity.js';
import type { AnswerCorrectionDto, CaseListQuery, CaseSummaryView, CaseView, ExtendDeadlineDto, RateCaseDto } from './case.dto.js';
import { CaseRecord } from './case.entity.js';
import { CaseStore, type CaseChildRow } from './case.store.js';
import { partiesOf, refuseConflictOfInterest } from './conflict-of-interest.js';
import { formErrors } from './form-validator.js';
import type { ChainVerificationView } from './history-audit.dto.js';
import { HistoryAuditService } from './history-audit.service.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { RatingTicketsService } from '../rating-tickets/rating-tickets.service.js';

const summary = (record: CaseChildRow): CaseSummaryView => ({
  id: record.id,
  caseNo: record.caseNo,
  status: record.status,
  serviceItemCode: record.serviceItemCode,
  bundleCode: record.bundleCode,
  departmentCode: record.departmentCode,
  statutoryDeadline: record.statutoryDeadline,
  promisedDeadline: record.promisedDeadline,
  submittedAt: record.submittedAt,
  finishedAt: record.finishedAt,
});

/** A bundle's parent takes its deadlines from its children (it runs no clock of its own). */
function withBundleDeadlines(parent: Pick<CaseRecord, 'statutoryDeadline' | 'promisedDeadline' | 'deadlinesProvisional'>, children: CaseChildRow[]): void {
  const due = bundleDeadlines(children);
  parent.statutoryDeadline = due.statutory;
  parent.promisedDeadline = due.promised;
  parent.deadlinesProvisional = due.provisional;
}

/** The departments of a 联办 step the case is at, each with where it stands. */
function jointProgress(record: Pick<CaseRecord, 'engineState'>): CaseView['joint'] {
  const activity = record.engineState?.activity;
  if (activity?.kind !== 'joint') return null;
  return { stepId: activity.stepId, participants: activity.participants.map((p) => ({ department: p.department, status: p.status })) };
}

/** Newest first. */
const CASE_PAGES = new Keyset('DESC', { submittedAt: { sql: 'c.submittedAt', type: 'timestamp' }, id: { sql: 'c.id', type: 'uuid' } });

/** Reading cases, and what the applicant does with one: answer a correction, withdraw, rate. */
@Injectable()
export class CasesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly engine: CaseEngine,
    private readonly calendars: CalendarService,
    private readonly certificates: CertificatesService,
    private readonly files: FilesService,
    private readonly clock: ClockService,
    private readonly caseClock: CaseClockService,
    private readonly caseFiles: CaseFiles,
    private readonly historyAudit: HistoryAuditService,
    private readonly users: UsersService,
    private readonly agents: AgentsService,
    private readonly catalog: CatalogService,
    private readonly ratingTickets: RatingTicketsService,
    private readonly store: CaseStore,
  ) {}

  private get cases() {
    return this.txHost.tx.getRepository(CaseRecord);
  }

  /** The case if the caller may see it; a case of someone else answers the same 404 as no case. */
  async visible(id: string, caller: Caller): Promise<CaseRecord> {
    // One round trip: this is the hot path of every case read.
    const { entities, raw } = await this.cases
      .createQueryBuilder('c')
      .addSelect(taskDepartmentsSql('c.id'), 'task_departments')
      .where('c.id = :id', { id })
      .getRawAndEntities<{ task_departments: string[] }>();
    const [record] = entities;
    if (record && canSeeCase(caller, record, raw[0].task_departments)) return record;
    // Only then the second look-up: an enterprise's case, seen by its legal representative.
    if (record && caller.roles.includes('citizen') && canSeeCase(caller, record, [], await this.agents.representedBy(caller.id))) return record;
    throw notFound('case.not_found', 'No such case.');
  }

  private async ownCase(id: string, caller: Caller): Promise<CaseRecord> {
    const record = await this.visible(id, caller);
    // The agent who applied goes on with the case they made, even after the authorisation ended; the
    // legal representative carries on any case of the enterprise.
    if (record.applicantId === caller.id || record.agentId === caller.id) return record;
    if (caller.roles.includes('citizen') && (await this.agents.representedBy(caller.id)).includes(record.applicantId)) return record;
    throw forbidden('case.applicant_only', 'Only the applicant (or their agent) can do this.');
  }

  /** A citizen's own cases; a clerk's department's; everything for supervisors. Newest first. */
  async list(caller: Caller, query: CaseListQuery): Promise<Page<CaseSummaryView>> {
    const limit = query.limit ?? 50;
    const after = CASE_PAGES.decode(query.cursor);
    const qb: SelectQueryBuilder<CaseRecord> = this.cases.createQueryBuilder('c').orderBy(CASE_PAGES.orderBy).take(limit + 1);
    if (caller.roles.includes('supervisor') || caller.roles.includes('admin')) {
      // everything
    } else if (caller.roles.includes('clerk')) {
      qb.where(
        '(c.departmentCode = :department OR c.enteredBy = :me OR EXISTS (SELECT 1 FROM case_task t WHERE t.case_id = c.id AND t.department_code = :department))',
        { department: caller.departmentCode, me: caller.id },
      );
    } else {
      const represented = await this.agents.representedBy(caller.id);
      qb.where(`(c.applicantId = :me OR c.agentId = :me${represented.length ? ' OR c.applicantId IN (:...represented)' : ''}) AND c.parentId IS NULL`, { me: caller.id, represented });
    }
    if (query.state === 'open') qb.andWhere('c.finishedAt IS NULL');
    if (query.state === 'finished') qb.andWhere('c.finishedAt IS NOT NULL');
    if (after) qb.andWhere(...CASE_PAGES.after(after));
    const rows = await qb.getMany();
    await this.deriveBundleStatuses(rows);
    return CASE_PAGES.page(rows, limit, summary, (row) => ({ submittedAt: row.submittedAt.toISOString(), id: row.id }));
  }

  private async deriveBundleStatuses(rows: CaseRecord[]): Promise<void> {
    const parents = rows.filter((row) => row.bundleCode && !row.serviceItemCode);
    if (parents.length === 0) return;
    const children = await this.cases.find({
      where: { parentId: In(parents.map((p) => p.id)) },
      select: { parentId: true, status: true, statutoryDeadline: true, promisedDeadline: true, deadlinesProvisional: true },
    });
    for (const parent of parents) {
      const own = children.filter((c) => c.parentId === parent.id);
      parent.status = bundleStatus(own.map((c) => c.status));
      withBundleDeadlines(parent, own);
    }
  }

  /** One statement (CaseStore.reading) and the calendar; the access check on what it read. */
  async view(id: string, caller: Caller): Promise<CaseView> {
    const reading = await this.store.reading(id, {
      certificates: (caseIds) => this.certificates.ofCasesJsonSql(caseIds),
      parties: (ids) => this.users.partiesJsonSql(ids),
    });
    const visible =
      reading !== null &&
      (canSeeCase(caller, reading.record, reading.taskDepartments) ||
        // Only then the second look-up: an enterprise's case, seen by its legal representative.
        (caller.roles.includes('citizen') && canSeeCase(caller, reading.record, [], await this.agents.representedBy(caller.id))));
    if (!visible) throw notFound('case.not_found', 'No such case.');
    const { record, children } = reading;
    const summed = { ...record };
    if (children.length > 0) {
      summed.status = bundleStatus(children.map((c) => c.status));
      withBundleDeadlines(summed, children);
    }
    const clock = record.clock ? await this.calendars.calendar().then((calendar) => deadlines(record.clock!, calendar, this.clock.now().toISOString())) : null;
    const notice = record.engineState ? openCorrection(record.engineState) : null;
    // A person's name is masked to others; an enterprise's is public, and its legal representative knows
    // the 经办人 they authorised.
    const enterprise = (id: string) => reading.parties[id]?.enterprise === true;
    // Who else sees an enterprise's case is its legal representative (the access check let them in).
    const legalRepresentative = enterprise(record.applicantId) && record.agentId !== caller.id && !isStaff(caller);
    const party = (id: string) => {
      const name = reading.parties[id]?.name ?? '';
      return { id, name: id === caller.id || isStaff(caller) || legalRepresentative || enterprise(id) ? name : maskName(name) };
    };
    return {
      ...summary(summed),
      applicant: party(record.applicantId),
      agent: record.agentId ? party(record.agentId) : null,
      channel: record.channel,
      workflow: record.workflowKey && record.workflowVersion ? { key: record.workflowKey, version: record.workflowVersion } : null,
      currentSteps: record.engineState ? [...currentSteps(record.engineState)] : [],
      deadlines: {
        statutory: clock?.ok ? new Date(clock.statutoryDeadline) : summed.statutoryDeadline,
        promised: clock?.ok ? new Date(clock.promisedDeadline) : summed.promisedDeadline,
        provisional: clock?.ok ? clock.provisional : summed.deadlinesProvisional,
      },
      clock: {
        started: record.clock !== null,
        paused: clock?.ok ? clock.paused : record.clockPaused,
        pausedWorkingDays: clock?.ok ? clock.pausedWorkingDays : 0,
        extendedWorkingDays: clock?.ok ? clock.extendedWorkingDays : 0,
      },
      children: children.map(summary),
      certificates: reading.certificates,
      correction: notice ? { round: notice.round, items: notice.items.map((i) => ({ key: i.key, reason: i.reason, department: i.department })) } : null,
      materialsOwed: record.materialsOwed,
      form: record.form,
      materials: record.materials,
      joint: jointProgress(record),
      timeline: reading.timeline,
      rating: reading.rating,
    };
  }

  /**
   * 一次性告知, answered once: every item of the notice must be answered now — a material key with a new
   * file, a `form.<field>` with a new value — and the whole form must then be valid.
   */
  @Transactional()
  async answerCorrection(id: string, caller: Caller, dto: AnswerCorrectionDto): Promise<CaseSummaryView> {
    const record = await this.ownCase(id, caller);
    const notice = record.engineState ? openCorrection(record.engineState) : null;
    if (!notice) throw conflict('case.no_correction_open', 'This case is not waiting for a correction.');
    await this.files.requireOwned(dto.materials.map((m) => m.fileId), caller.id, (i) => `materials[${i}].fileId`);
    const given = new Set(dto.materials.map((m) => m.key));
    const form = { ...record.form, ...(dto.form ?? {}) };
    const errors: FieldError[] = [];
    for (const item of notice.items) {
      if (item.key.startsWith('form.')) {
        if (!(dto.form && item.key.slice(5) in dto.form)) errors.push({ path: item.key, message: `answer this field: ${item.reason}` });
      } else if (!given.has(item.key)) {
        errors.push({ path: 'materials', message: `upload "${item.key}" again: ${item.reason}` });
      }
    }
    const item = await this.catalog.itemOrNull(record.serviceItemCode ?? '');
    if (item) errors.push(...formErrors(item.formSchema, form, `${item.code}@${item.version}`));
    if (errors.length > 0) throw badRequest('case.incomplete_correction', `The answer leaves ${errors.length} item(s) open; answer everything at once.`, errors);

    record.form = form;
    record.materials = [...record.materials.filter((m) => !given.has(m.key)), ...dto.materials];
    await this.caseFiles.attach(record.id, dto.materials);
    const now = this.clock.now();
    record.materialsOwed = record.materialsOwed.map((owed) => (given.has(owed.key) && !owed.deliveredAt ? { ...owed, deliveredAt: now.toISOString() } : owed));
    await this.engine.apply(record, { type: 'correction_answered' }, { id: caller.id, name: caller.displayName }, { data: { materials: [...given], fields: Object.keys(dto.form ?? {}) } }, now);
    return summary(record);
  }

  /** Only before a final decision; a bundle withdraws every item still open. */
  @Transactional()
  async withdraw(id: string, caller: Caller): Promise<CaseSummaryView> {
    const record = await this.ownCase(id, caller);
    const actor = { id: caller.id, name: caller.displayName };
    const children = await this.cases.find({ where: { parentId: record.id } });
    if (children.length > 0) {
      const open = children.filter((child) => !isFinal(child.status));
      if (open.length === 0) throw conflict('engine.case_finished', 'Every item of this bundle is decided already.');
      for (const child of open) await this.engine.apply(child, { type: 'withdraw' }, actor);
      record.status = bundleStatus((await this.cases.find({ where: { parentId: record.id } })).map((c) => c.status));
      return summary(record);
    }
    await this.engine.apply(record, { type: 'withdraw' }, actor);
    return summary(record);
  }

  /** 好差评: once, and only when the case is finished. */
  @Transactional()
  async rate(id: string, caller: Caller, dto: RateCaseDto): Promise<{ caseId: string; score: number; comment: string | null }> {
    const record = await this.ownCase(id, caller);
    const children = await this.cases.find({ where: { parentId: record.id }, select: { status: true, departmentCode: true } });
    const finished = children.length > 0 ? children.every((c) => isFinal(c.status)) : record.finishedAt !== null;
    if (!finished) throw conflict('case.not_finished', 'A case can be rated once it is finished.');
    const inserted = await this.txHost.tx
      .createQueryBuilder()
      .insert()
      .into(CaseRating)
      .values({ caseId: record.id, score: dto.score, comment: dto.comment ?? null })
      .orIgnore()
      .returning(['case_id'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) throw conflict('case.already_rated', 'This case has been rated already.');
    // 差评 整改: a rating of 1 or 2 opens its ticket in this transaction (a bundle's goes to its first item's department).
    const departmentCode = record.departmentCode ?? children.find((child) => child.departmentCode)?.departmentCode ?? null;
    await this.ratingTickets.openFor({ caseId: record.id, caseNo: record.caseNo, departmentCode, score: dto.score, comment: dto.comment ?? null });
    return { caseId: record.id, score: dto.score, comment: dto.comment ?? null };
  }

  async extend(id: string, caller: Caller, dto: ExtendDeadlineDto): Promise<CaseSummaryView> {
    const record = await this.visible(id, caller);
    refuseConflictOfInterest(caller.id, partiesOf(record), 'case.conflict_of_interest');
    await this.caseClock.extend(record, caller, dto.workingDays, dto.reason);
    return summary(record);
  }

  verifyHistory(id: string): Promise<ChainVerificationView> {
    return this.historyAudit.verifyCase(id);
  }
}
