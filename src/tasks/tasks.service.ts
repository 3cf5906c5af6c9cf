import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { TaskEvent } from '@app/workflow-engine';
import type { Caller } from '../auth/auth.decorators.js';
import { CaseClockService } from '../cases/case-clock.service.js';
import { CaseEngine, type EngineInput } from '../cases/case-engine.service.js';
import { CaseRecord } from '../cases/case.entity.js';
import { partiesOf, refuseConflictOfInterest } from '../cases/conflict-of-interest.js';
import { Department } from '../catalog/department.entity.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Keyset, type Page } from '../http/pagination.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../http/problem.js';
import { OutboxService } from '../queue/outbox/outbox.service.js';
import { JobName } from '../queue/queue-names.js';
import { CaseTask, type RecordedDecision } from './case-task.entity.js';
import type { DecisionDto, DecisionResultView, PauseClockDto, ResumeClockDto, TaskQuery, TaskView } from './task.dto.js';

type TaskRow = CaseTask & { caseNo: string; serviceItemCode: string | null };
/** A task with the applicant of its case, whom the 回避 rule keeps out of it. */
type WorkableTask = TaskRow & { applicantId: string; agentId: string | null; enteredBy: string | null };

const view = (task: TaskRow): TaskView => ({
  id: task.id,
  caseId: task.caseId,
  caseNo: task.caseNo,
  stepId: task.stepId,
  departmentCode: task.departmentCode,
  role: task.role,
  status: task.status,
  dueAt: task.dueAt,
  claimedBy: task.claimedBy,
  leaseUntil: task.leaseUntil,
  allowedActions: task.allowedActions,
  serviceItemCode: task.serviceItemCode,
});

/** Oldest deadline first (tasks without one last), then by id for a stable order across pages. */
const TASK_PAGES = new Keyset('ASC', { dueAt: { sql: 't.due_at', type: 'timestamp', nullable: true }, id: { sql: 't.id', type: 'text' } });

/**
 * A department's work queue. A clerk works every queue of their own department (API.md), whatever role
 * the step names; tasks of other departments do not exist for them (404).
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly engine: CaseEngine,
    private readonly outbox: OutboxService,
    private readonly caseClock: CaseClockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private department(caller: Caller): string {
    if (!caller.departmentCode) throw forbidden('task.no_department', 'Only staff of a department have a work queue.');
    return caller.departmentCode;
  }

  async list(caller: Caller, query: TaskQuery): Promise<Page<TaskView>> {
    const limit = query.limit ?? 50;
    const after = TASK_PAGES.decode(query.cursor);
    const qb = this.txHost.tx
      .getRepository(CaseTask)
      .createQueryBuilder('t')
      .innerJoin(CaseRecord, 'c', 'c.id = t.case_id')
      .select('t.*')
      .addSelect('c.case_no', 'caseNo')
      .addSelect('c.service_item_code', 'serviceItemCode')
      .where('t.department_code = :department', { department: this.department(caller) })
      .andWhere('t.status IN (:...statuses)', { statuses: query.status ? [query.status] : ['open', 'claimed'] })
      .orderBy(TASK_PAGES.orderBy)
      .limit(limit + 1);
    if (query.overdue) qb.andWhere('t.due_at < now()');
    if (query.caseId) qb.andWhere('t.case_id = :caseId', { caseId: query.caseId });
    if (after) qb.andWhere(...TASK_PAGES.after(after));
    const rows = (await qb.getRawMany<Record<string, unknown>>()).map(fromRaw);
    return TASK_PAGES.page(rows, limit, view, (row) => ({ dueAt: row.dueAt?.toISOString() ?? null, id: row.id }));
  }

  async get(id: string, caller: Caller): Promise<TaskView> {
    return view(await this.find(id, caller));
  }

  /** Takes the task (or renews one's own lease); someone else's live lease is a 409. */
  @Transactional()
  async claim(id: string, caller: Caller): Promise<TaskView> {
    const task = await this.find(id, caller, true);
    this.assertWorkable(task, caller);
    task.status = 'claimed';
    task.claimedBy = caller.id;
    task.leaseUntil = new Date(Date.now() + this.config.taskLeaseSeconds * 1000);
    await this.txHost.tx.getRepository(CaseTask).update({ id }, { status: 'claimed', claimedBy: caller.id, leaseUntil: task.leaseUntil });
    // An "unclaimed too long" flag clears now, not at the next scan.
    await this.outbox.enqueue({ name: JobName.RiskCheckCase, data: { caseId: task.caseId } });
    return view(task);
  }

  @Transactional()
  async release(id: string, caller: Caller): Promise<TaskView> {
    const task = await this.find(id, caller, true);
    if (task.status !== 'claimed' && task.status !== 'open') throw conflict('task.closed', 'This task is closed.');
    if (task.status === 'claimed' && task.claimedBy !== caller.id && !leaseExpired(task)) {
      throw conflict('task.claimed_by_other', 'Someone else holds this task.');
    }
    await this.txHost.tx.getRepository(CaseTask).update({ id }, { status: 'open', claimedBy: null, leaseUntil: null });
    return view({ ...task, status: 'open', claimedBy: null, leaseUntil: null });
  }

  /** Stops the case's clock for an expert review or hearing; the task stays where it is. */
  async pauseClock(id: string, caller: Caller, dto: PauseClockDto): Promise<DecisionResultView> {
    const record = await this.activeCase(id, caller);
    await this.caseClock.pause(record, caller, dto.reason, dto.comment);
    return { caseId: record.id, status: record.status };
  }

  async resumeClock(id: string, caller: Caller, dto: ResumeClockDto): Promise<DecisionResultView> {
    const record = await this.activeCase(id, caller);
    await this.caseClock.resume(record, caller, dto.comment ?? null);
    return { caseId: record.id, status: record.status };
  }

  private async activeCase(id: string, caller: Caller): Promise<CaseRecord> {
    const task = await this.find(id, caller);
    this.assertWorkable(task, caller);
    return this.txHost.tx.getRepository(CaseRecord).findOneByOrFail({ id: task.caseId });
  }

  /** A decision moves the case through the engine; the task need not be claimed first, but nobody else may hold it. */
  @Transactional()
  async decide(id: string, caller: Caller, dto: DecisionDto): Promise<DecisionResultView> {
    const task = await this.find(id, caller);
    this.assertWorkable(task, caller);
    if (!task.allowedActions.includes(dto.action)) {
      throw unprocessable('engine.action_not_allowed', `"${dto.action}" is not possible at this step; allowed: ${task.allowedActions.join(', ')}.`);
    }
    const record = await this.txHost.tx.getRepository(CaseRecord).findOneByOrFail({ id: task.caseId });
    if (record.engineState?.activity?.kind === 'joint') return this.recordJointDecision(task, record, caller, dto);
    const input = await this.eventOf(task, dto);
    await this.engine.apply(record, input, { id: caller.id, name: caller.displayName }, { comment: dto.comment ?? null });
    await this.txHost.tx.getRepository(CaseTask).update({ id }, { closedBy: caller.id });
    return { caseId: record.id, status: record.status };
  }

  /**
   * 联办: a participant's decision is recorded on its task at once, and the joint-approval worker applies
   * it to the case, where the join is evaluated. Departments deciding at the same moment do not block
   * or fail each other; the task row makes sure each participant decides once.
   */
  private async recordJointDecision(task: CaseTask, record: CaseRecord, caller: Caller, dto: DecisionDto): Promise<DecisionResultView> {
    const input = await this.eventOf(task, dto);
    const decision: RecordedDecision = {
      action: dto.action as RecordedDecision['action'],
      comment: dto.comment ?? null,
      missing: input.type === 'correction' ? input.missing.map((m) => ({ ...m })) : [],
      actorId: caller.id,
      actorName: caller.displayName,
      decidedAt: new Date().toISOString(),
    };
    const recorded = await this.txHost.tx
      .createQueryBuilder()
      .update(CaseTask)
      .set({ status: 'decided', decision, closedBy: caller.id, closedAt: new Date(), leaseUntil: null })
      .where(`id = :id AND status IN ('open', 'claimed')`, { id: task.id })
      .execute();
    if (recorded.affected !== 1) throw conflict('task.closed', 'This task was decided already.');
    await this.outbox.enqueue({ name: JobName.JointApplyDecision, data: { taskId: task.id } });
    return { caseId: record.id, status: record.status };
  }

  private async eventOf(task: CaseTask, dto: DecisionDto): Promise<EngineInput> {
    switch (dto.action) {
      case 'correction':
        if (!dto.missing?.length) {
          throw badRequest('task.correction_needs_items', 'List everything that is missing or wrong, at once (一次性告知).', [
            { path: 'missing', message: 'at least one item with a reason' },
          ]);
        }
        return { type: 'correction', taskId: task.id, missing: dto.missing.map(({ key, reason }) => ({ key, reason })) };
      case 'transfer': {
        const to = dto.toDepartmentCode;
        if (!to || !(await this.txHost.tx.getRepository(Department).existsBy({ code: to }))) {
          throw badRequest('task.unknown_department', 'Name the department to transfer to.', [{ path: 'toDepartmentCode', message: 'unknown department' }]);
        }
        if (to === task.departmentCode) throw badRequest('task.same_department', 'The task is already in that department.', [{ path: 'toDepartmentCode', message: 'same department' }]);
        return { type: 'transfer', taskId: task.id, toDepartment: to };
      }
      default:
        return { type: dto.action, taskId: task.id } as Omit<TaskEvent, 'at'> as EngineInput;
    }
  }

  /** Every action on a task passes here: a party to the case may not work it (回避), then the task must be open to the caller. */
  private assertWorkable(task: WorkableTask, caller: Caller): void {
    refuseConflictOfInterest(caller.id, partiesOf(task), 'task.conflict_of_interest');
    if (task.status === 'completed' || task.status === 'cancelled' || task.status === 'decided') throw conflict('task.closed', 'This task was decided or cancelled already.');
    if (task.status === 'claimed' && task.claimedBy !== caller.id && !leaseExpired(task)) {
      throw conflict('task.claimed_by_other', 'Someone else is working on this task.');
    }
  }

  private async find(id: string, caller: Caller, lock = false): Promise<WorkableTask> {
    const department = this.department(caller);
    const task = await this.txHost.tx.getRepository(CaseTask).findOne({ where: { id, departmentCode: department }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!task) throw notFound('task.not_found', 'No such task in your queue.');
    const record = await this.txHost.tx.getRepository(CaseRecord).findOneOrFail({ where: { id: task.caseId }, select: { caseNo: true, serviceItemCode: true, applicantId: true, agentId: true, enteredBy: true } });
    return Object.assign(task, { caseNo: record.caseNo, serviceItemCode: record.serviceItemCode, applicantId: record.applicantId, agentId: record.agentId, enteredBy: record.enteredBy });
  }
}

const leaseExpired = (task: CaseTask) => task.leaseUntil !== null && task.leaseUntil.getTime() < Date.now();

function fromRaw(raw: Record<string, unknown>): TaskRow {
  return Object.assign(new CaseTask(), {
    id: raw.id as string,
    caseId: raw.case_id as string,
    stepId: raw.step_id as string,
    departmentCode: raw.department_code as string,
    role: raw.role as string,
    status: raw.status as CaseTask['status'],
    allowedActions: raw.allowed_actions as string[],
    dueAt: (raw.due_at as Date | null) ?? null,
    claimedBy: (raw.claimed_by as string | null) ?? null,
    leaseUntil: (raw.lease_until as Date | null) ?? null,
    createdAt: raw.created_at as Date,
    closedAt: (raw.closed_at as Date | null) ?? null,
    closedBy: (raw.closed_by as string | null) ?? null,
    outcome: (raw.outcome as string | null) ?? null,
    caseNo: raw.caseNo as string,
    serviceItemCode: (raw.serviceItemCode as string | null) ?? null,
  });
}
