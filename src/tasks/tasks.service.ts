import { Injectable, Inject } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { TaskEvent } from '@app/workflow-engine';
import type { Caller } from '../auth/auth.decorators.js';
import { CaseClockService } from '../cases/case-clock.service.js';
import { CaseEngine, type EngineInput } from '../cases/case-engine.service.js';
import type { CaseRecord } from '../cases/case.entity.js';
import type { CaseTask, RecordedDecision } from '../cases/case-task.entity.js';
import { CaseTaskStore, TASK_PAGES, type QueuedTask, type TaskWithParties } from '../cases/case-task.store.js';
import { CaseStore } from '../cases/case.store.js';
import { partiesOf, refuseConflictOfInterest } from '../cases/conflict-of-interest.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Page } from '../http/pagination.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../http/problem.js';
import { OutboxService } from '../queue/outbox/outbox.service.js';
import { JobName } from '../queue/queue-names.js';
import { ClockService } from '../time/clock.service.js';
import type { DecisionDto, DecisionResultView, PauseClockDto, ResumeClockDto, TaskQuery, TaskView } from './task.dto.js';

const view = (task: QueuedTask): TaskView => ({
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

/**
 * A department's work queue. A clerk works every queue of their own department (API.md), whatever role
 * the step names; tasks of other departments do not exist for them (404).
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly tasks: CaseTaskStore,
    private readonly cases: CaseStore,
    private readonly catalog: CatalogService,
    private readonly clock: ClockService,
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
    const rows = await this.tasks.queue({
      departmentCode: this.department(caller),
      statuses: query.status ? [query.status] : ['open', 'claimed'],
      overdue: query.overdue,
      caseId: query.caseId,
      after,
      limit,
    });
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
    task.leaseUntil = new Date(this.clock.now().getTime() + this.config.taskLeaseSeconds * 1000);
    await this.tasks.claim(id, caller.id, task.leaseUntil);
    // An "unclaimed too long" flag clears now, not at the next scan.
    await this.outbox.enqueue({ name: JobName.RiskCheckCase, data: { caseId: task.caseId } });
    return view(task);
  }

  @Transactional()
  async release(id: string, caller: Caller): Promise<TaskView> {
    const task = await this.find(id, caller, true);
    if (task.status !== 'claimed' && task.status !== 'open') throw conflict('task.closed', 'This task is closed.');
    if (task.status === 'claimed' && task.claimedBy !== caller.id && !this.leaseExpired(task)) {
      throw conflict('task.claimed_by_other', 'Someone else holds this task.');
    }
    await this.tasks.release(id);
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
    return this.cases.getOrFail(task.caseId);
  }

  /** A decision moves the case through the engine; the task need not be claimed first, but nobody else may hold it. */
  @Transactional()
  async decide(id: string, caller: Caller, dto: DecisionDto): Promise<DecisionResultView> {
    const task = await this.find(id, caller);
    this.assertWorkable(task, caller);
    if (!task.allowedActions.includes(dto.action)) {
      throw unprocessable('engine.action_not_allowed', `"${dto.action}" is not possible at this step; allowed: ${task.allowedActions.join(', ')}.`);
    }
    const record = await this.cases.getOrFail(task.caseId);
    if (record.engineState?.activity?.kind === 'joint') return this.recordJointDecision(task, record, caller, dto);
    const input = await this.eventOf(task, dto);
    await this.engine.apply(record, input, { id: caller.id, name: caller.displayName }, { comment: dto.comment ?? null });
    await this.tasks.stampClosedBy(id, caller.id);
    return { caseId: record.id, status: record.status };
  }

  /**
   * 联办: a participant's decision is recorded on its task at once, and the joint-approval worker applies
   * it to the case, where the join is evaluated. Departments deciding at the same moment do not block
   * or fail each other; the task row makes sure each participant decides once.
   */
  private async recordJointDecision(task: CaseTask, record: CaseRecord, caller: Caller, dto: DecisionDto): Promise<DecisionResultView> {
    const input = await this.eventOf(task, dto);
    const now = this.clock.now();
    const decision: RecordedDecision = {
      action: dto.action as RecordedDecision['action'],
      comment: dto.comment ?? null,
      missing: input.type === 'correction' ? input.missing.map((m) => ({ ...m })) : [],
      actorId: caller.id,
      actorName: caller.displayName,
      decidedAt: now.toISOString(),
    };
    if (!(await this.tasks.recordDecision(task.id, decision, caller.id, now))) throw conflict('task.closed', 'This task was decided already.');
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
        if (!to || !(await this.catalog.departmentExists(to))) {
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
  private assertWorkable(task: TaskWithParties, caller: Caller): void {
    refuseConflictOfInterest(caller.id, partiesOf(task), 'task.conflict_of_interest');
    if (task.status === 'completed' || task.status === 'cancelled' || task.status === 'decided') throw conflict('task.closed', 'This task was decided or cancelled already.');
    if (task.status === 'claimed' && task.claimedBy !== caller.id && !this.leaseExpired(task)) {
      throw conflict('task.claimed_by_other', 'Someone else is working on this task.');
    }
  }

  private leaseExpired(task: CaseTask): boolean {
    return task.leaseUntil !== null && task.leaseUntil.getTime() < this.clock.now().getTime();
  }

  private async find(id: string, caller: Caller, lock = false): Promise<TaskWithParties> {
    const task = await this.tasks.inDepartment(id, this.department(caller), lock);
    if (!task) throw notFound('task.not_found', 'No such task in your queue.');
    return task;
  }
}
