import { HttpException, HttpStatus, Injectable, Inject, Logger } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { TaskEvent } from '@app/workflow-engine';
import type { Caller } from '../auth/auth.decorators.js';
import { CaseClockService } from '../cases/case-clock.service.js';
import { CaseEngine, SYSTEM, type Actor, type EngineInput } from '../cases/case-engine.service.js';
import type { CaseRecord } from '../cases/case.entity.js';
import type { CaseTask, RecordedDecision } from '../cases/case-task.entity.js';
import { CaseTaskStore, TASK_PAGES, type QueuedTask, type TaskWithParties } from '../cases/case-task.store.js';
import { CaseStore } from '../cases/case.store.js';
import { conflictOfInterest, partiesOf, refuseConflictOfInterest } from '../cases/conflict-of-interest.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Page } from '../http/pagination.js';
import { badRequest, conflict, forbidden, notFound, ProblemException, unprocessable } from '../http/problem.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OutboxService } from '../queue/outbox/outbox.service.js';
import { JobName } from '../queue/queue-names.js';
import { SubstitutesService } from '../substitutes/substitutes.service.js';
import { ClockService } from '../time/clock.service.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { leastLoaded, repeated, WORKLOAD_TASKS } from './staff-rules.js';
import type { BulkDto, BulkResponseView, BulkResultView, DecisionDto, DecisionResultView, PauseClockDto, ResumeClockDto, TaskQuery, TaskView, WorkloadQuery, WorkloadView } from './task.dto.js';

/** Whose task the caller works: their own (null), or an absent colleague's as substitute (代岗). */
type OnBehalfOf = { id: string; name: string } | null;

const isAdmin = (caller: Caller) => caller.roles.includes('admin');

const view = (task: QueuedTask, names: ReadonlyMap<string, string> = new Map(), onBehalfOf: string | null = null): TaskView => ({
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
  claimedByName: task.claimedBy ? (names.get(task.claimedBy) ?? null) : null,
  onBehalfOf,
});

/**
 * A department's work queue. A clerk works every queue of their own department (API.md), whatever role
 * the step names; tasks of other departments do not exist for them (404).
 */
@Injectable()
export class TasksService {
  private readonly logger = new Logger(TasksService.name);

  constructor(
    private readonly tasks: CaseTaskStore,
    private readonly cases: CaseStore,
    private readonly catalog: CatalogService,
    private readonly clock: ClockService,
    private readonly engine: CaseEngine,
    private readonly outbox: OutboxService,
    private readonly caseClock: CaseClockService,
    private readonly users: UsersService,
    private readonly substitutes: SubstitutesService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private department(caller: Caller): string {
    if (!caller.departmentCode) throw forbidden('task.no_department', 'Only staff of a department have a work queue.');
    return caller.departmentCode;
  }

  async list(caller: Caller, query: TaskQuery): Promise<Page<TaskView>> {
    const limit = query.limit ?? 50;
    const after = TASK_PAGES.decode(query.cursor);
    const departmentCode = this.department(caller);
    const now = this.clock.now();
    const covered = await this.substitutes.coveredBy(caller.id, now);
    const rows = await this.tasks.queue({
      departmentCode,
      statuses: query.status ? [query.status] : ['open', 'claimed'],
      overdue: query.overdue,
      caseId: query.caseId,
      claimedBy: query.covering ? covered : undefined,
      after,
      limit,
    });
    const names = await this.users.displayNames(rows.flatMap((row) => (row.claimedBy ? [row.claimedBy] : [])));
    const coveredSet = new Set(covered);
    const toView = (row: QueuedTask) => view(row, names, row.status === 'claimed' && row.claimedBy && coveredSet.has(row.claimedBy) && !this.leaseExpired(row) ? row.claimedBy : null);
    return TASK_PAGES.page(rows, limit, toView, (row) => ({ dueAt: row.dueAt?.toISOString() ?? null, id: row.id }));
  }

  async get(id: string, caller: Caller): Promise<TaskView> {
    const task = await this.find(id, caller);
    const holder = task.claimedBy && task.claimedBy !== caller.id && task.status === 'claimed' && !this.leaseExpired(task) && (await this.substitutes.covers(caller.id, task.claimedBy, this.clock.now()));
    return this.viewOf(task, holder ? task.claimedBy : null);
  }

  private async viewOf(task: QueuedTask, onBehalfOf: string | null = null): Promise<TaskView> {
    return view(task, await this.users.displayNames(task.claimedBy ? [task.claimedBy] : []), onBehalfOf);
  }

  /** Takes the task (or renews one's own lease); someone else's live lease is a 409. */
  @Transactional()
  async claim(id: string, caller: Caller): Promise<TaskView> {
    const task = await this.find(id, caller, true);
    // A substitute works the absent clerk's task where it is: it stays theirs.
    const onBehalfOf = await this.assertWorkable(task, caller);
    if (onBehalfOf) return this.viewOf(task, onBehalfOf.id);
    task.status = 'claimed';
    task.claimedBy = caller.id;
    task.leaseUntil = new Date(this.clock.now().getTime() + this.config.taskLeaseSeconds * 1000);
    await this.tasks.claim(id, caller.id, task.leaseUntil);
    // An "unclaimed too long" flag clears now, not at the next scan.
    await this.outbox.enqueue({ name: JobName.RiskCheckCase, data: { caseId: task.caseId } });
    return this.viewOf(task);
  }

  @Transactional()
  async release(id: string, caller: Caller): Promise<TaskView> {
    const task = await this.find(id, caller, true);
    if (task.status !== 'claimed' && task.status !== 'open') throw conflict('task.closed', 'This task is closed.');
    if (task.status === 'claimed' && task.claimedBy !== caller.id && !this.leaseExpired(task) && !(await this.substitutes.covers(caller.id, task.claimedBy!, this.clock.now()))) {
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
    await this.assertWorkable(task, caller);
    return this.cases.getOrFail(task.caseId);
  }

  /** A decision moves the case through the engine; the task need not be claimed first, but nobody else may hold it. */
  @Transactional()
  async decide(id: string, caller: Caller, dto: DecisionDto): Promise<DecisionResultView> {
    const task = await this.find(id, caller);
    const onBehalfOf = await this.assertWorkable(task, caller);
    if (!task.allowedActions.includes(dto.action)) {
      throw unprocessable('engine.action_not_allowed', `"${dto.action}" is not possible at this step; allowed: ${task.allowedActions.join(', ')}.`);
    }
    const record = await this.cases.getOrFail(task.caseId);
    if (record.engineState?.activity?.kind === 'joint') return this.recordJointDecision(task, record, caller, dto, onBehalfOf);
    const input = await this.eventOf(task, dto);
    // The history names the substitute as the actor, and the absent clerk it acted for.
    await this.engine.apply(record, input, { id: caller.id, name: caller.displayName }, { comment: dto.comment ?? null, ...(onBehalfOf ? { data: { onBehalfOf } } : {}) });
    await this.tasks.stampClosedBy(id, caller.id);
    return { caseId: record.id, status: record.status };
  }

  /**
   * 联办: a participant's decision is recorded on its task at once, and the joint-approval worker applies
   * it to the case, where the join is evaluated. Departments deciding at the same moment do not block
   * or fail each other; the task row makes sure each participant decides once.
   */
  private async recordJointDecision(task: CaseTask, record: CaseRecord, caller: Caller, dto: DecisionDto, onBehalfOf: OnBehalfOf): Promise<DecisionResultView> {
    const input = await this.eventOf(task, dto);
    const now = this.clock.now();
    const decision: RecordedDecision = {
      action: dto.action as RecordedDecision['action'],
      comment: dto.comment ?? null,
      missing: input.type === 'correction' ? input.missing.map((m) => ({ ...m })) : [],
      actorId: caller.id,
      actorName: onBehalfOf ? `${caller.displayName}（代 ${onBehalfOf.name}）` : caller.displayName,
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

  /**
   * Every action on a task passes here: a party to the case may not work it (回避), then the task must be
   * open to the caller — unclaimed, their own, or held by a colleague they stand in for now (代岗), whom
   * the answer names. Outside the substitution window a claimed task is its holder's alone.
   */
  private async assertWorkable(task: TaskWithParties, caller: Caller): Promise<OnBehalfOf> {
    refuseConflictOfInterest(caller.id, partiesOf(task), 'task.conflict_of_interest');
    if (isClosed(task)) throw conflict('task.closed', 'This task was decided or cancelled already.');
    if (task.status === 'claimed' && task.claimedBy !== caller.id && !this.leaseExpired(task)) {
      if (!(await this.substitutes.covers(caller.id, task.claimedBy!, this.clock.now()))) throw conflict('task.claimed_by_other', 'Someone else is working on this task.');
      const names = await this.users.displayNames([task.claimedBy!]);
      return { id: task.claimedBy!, name: names.get(task.claimedBy!) ?? '' };
    }
    return null;
  }

  /**
   * A supervisor (of the task's department, or of the whole district when they have none) or an admin
   * gives the task to a named clerk of its department, who is notified; the history records it.
   */
  @Transactional()
  async assign(id: string, caller: Caller, userId: string): Promise<TaskView> {
    const task = await this.tasks.withCase(id, true);
    if (!task) throw notFound('task.not_found', 'No such task.');
    this.assertSupervises(caller, task.departmentCode);
    const assignee = await this.users.account(userId);
    return this.assignTo(task, assignee, { id: caller.id, name: caller.displayName }, null);
  }

  /**
   * Gives `task` to `assignee` (checked here) for good: an assignment holds no lease that runs out; it
   * ends when the clerk decides or releases it, or a supervisor assigns it again.
   */
  async assignTo(task: TaskWithParties, assignee: User | null, actor: Actor, comment: string | null): Promise<TaskView> {
    if (isClosed(task)) throw conflict('task.closed', 'This task was decided or cancelled already.');
    if (!assignee || assignee.disabled || !assignee.roles.includes('clerk')) {
      throw badRequest('task.assignee_not_clerk', 'Assign the task to an active clerk.', [{ path: 'userId', message: 'not an active clerk' }]);
    }
    if (assignee.departmentCode !== task.departmentCode) {
      throw badRequest('task.assignee_other_department', `The task belongs to ${task.departmentCode}; assign it to one of its clerks.`, [{ path: 'userId', message: 'a clerk of another department' }]);
    }
    const role = conflictOfInterest(assignee.id, partiesOf(task));
    if (role) throw badRequest('task.assignee_conflict_of_interest', `That clerk is the ${role} of this case (回避).`, [{ path: 'userId', message: 'a party to the case' }]);
    await this.tasks.claim(task.id, assignee.id, null);
    const record = await this.cases.getOrFail(task.caseId);
    await this.engine.applyOutsideWorkflow(record, actor, 'assign', {
      comment: comment ?? `指派给 ${assignee.displayName}`,
      data: { taskId: task.id, stepId: task.stepId, assigneeId: assignee.id, assigneeName: assignee.displayName, previousHolder: task.claimedBy },
    });
    await this.notifications.notify({ recipientId: assignee.id, template: 'task.assigned', data: { caseNo: task.caseNo, taskId: task.id, stepId: task.stepId, by: actor.name }, channel: 'in-app' });
    await this.outbox.enqueue({ name: JobName.RiskCheckCase, data: { caseId: task.caseId } });
    return view({ ...task, status: 'claimed', claimedBy: assignee.id, leaseUntil: null }, new Map([[assignee.id, assignee.displayName]]));
  }

  /**
   * 督办 auto-reassignment (RISK_AUTO_REASSIGN): an escalated task goes to the clerk of its department
   * who holds the fewest tasks — not one who is away or a party to the case. It stays where it is when its
   * holder is (counting without it) among the least loaded. Answers the new holder, or null.
   */
  async reassignToLeastLoaded(taskId: string, reason: string): Promise<string | null> {
    const task = await this.tasks.withCase(taskId, true);
    if (!task || isClosed(task)) return null;
    const now = this.clock.now();
    const [rows, clerks] = await Promise.all([this.tasks.workload(task.departmentCode, now), this.users.clerksOf(task.departmentCode)]);
    const absent = await this.substitutes.absent(clerks.map((c) => c.id), now);
    const parties = partiesOf(task);
    const holder = task.status === 'claimed' && !this.leaseExpired(task) ? task.claimedBy : null;
    const excluded = new Set([...absent, ...clerks.filter((c) => conflictOfInterest(c.id, parties) !== null).map((c) => c.id)]);
    if (holder) excluded.delete(holder);
    const candidates = clerks.map((c) => {
      const held = rows.find((row) => row.claimedBy === c.id)?.tasks ?? 0;
      return { id: c.id, username: c.username, tasks: c.id === holder ? held - 1 : held };
    });
    const pick = leastLoaded(candidates, excluded);
    if (!pick || pick.id === holder || (holder && candidates.find((c) => c.id === holder)!.tasks <= pick.tasks)) return null;
    await this.assignTo(task, await this.users.account(pick.id), SYSTEM, reason);
    return pick.id;
  }

  private assertSupervises(caller: Caller, departmentCode: string): void {
    if (isAdmin(caller)) return;
    if (caller.roles.includes('supervisor') && (caller.departmentCode === null || caller.departmentCode === departmentCode)) return;
    throw forbidden('task.not_supervisor', `Only a supervisor of ${departmentCode} (or an admin) assigns its tasks.`);
  }

  /**
   * Many tasks at once, each in its own transaction: one refused task (decided already, held by someone
   * else) is reported in its result and does not undo the others.
   */
  async bulk(caller: Caller, dto: BulkDto): Promise<BulkResponseView> {
    const twice = repeated(dto.taskIds);
    if (twice.length) throw badRequest('task.bulk_repeated', 'Name each task once.', [{ path: 'taskIds', message: `named more than once: ${twice.join(', ')}` }]);
    if (dto.action === 'assign' && !dto.userId) throw badRequest('task.bulk_needs_user', 'Name the clerk to assign the tasks to.', [{ path: 'userId', message: 'required for assign' }]);
    if (dto.action === 'decide' && !dto.decision) throw badRequest('task.bulk_needs_decision', 'Give the decision to apply.', [{ path: 'decision', message: 'required for decide' }]);
    if (dto.action === 'assign' && !isAdmin(caller) && !caller.roles.includes('supervisor')) throw forbidden('task.not_supervisor', 'Only supervisors and admins assign tasks.');
    if (dto.action !== 'assign') this.department(caller);
    const results: BulkResultView[] = [];
    for (const taskId of dto.taskIds) {
      try {
        switch (dto.action) {
          case 'claim': await this.claim(taskId, caller); break;
          case 'release': await this.release(taskId, caller); break;
          case 'assign': await this.assign(taskId, caller, dto.userId!); break;
          case 'decide': await this.decide(taskId, caller, dto.decision!); break;
        }
        results.push({ taskId, status: 'applied' });
      } catch (error) {
        results.push({ taskId, status: 'refused', problem: this.problemOf(error, taskId) });
      }
    }
    return { results };
  }

  private problemOf(error: unknown, taskId: string): NonNullable<BulkResultView['problem']> {
    if (error instanceof ProblemException) {
      const status = error.getStatus();
      return { status, code: error.code, title: titleOf(status), detail: error.message };
    }
    if (error instanceof HttpException) return { status: error.getStatus(), code: `http.${error.getStatus()}`, title: titleOf(error.getStatus()), detail: error.message };
    this.logger.error({ err: error, taskId }, 'bulk task action failed');
    return { status: 500, code: 'internal', title: titleOf(500), detail: 'This task could not be changed; the others were.' };
  }

  /** Each active clerk of a department with what they hold and what of it is late; supervisors and admins. */
  async workload(caller: Caller, query: WorkloadQuery): Promise<WorkloadView> {
    const departmentCode = query.departmentCode ?? caller.departmentCode;
    if (!departmentCode) throw badRequest('task.department_required', 'Name the department.', [{ path: 'departmentCode', message: 'required' }]);
    this.assertSupervises(caller, departmentCode);
    if (!(await this.catalog.departmentExists(departmentCode))) {
      throw badRequest('task.unknown_department', `There is no department "${departmentCode}".`, [{ path: 'departmentCode', message: 'unknown department' }]);
    }
    const now = this.clock.now();
    const [rows, clerks, queue] = await Promise.all([
      this.tasks.workload(departmentCode, now),
      this.users.clerksOf(departmentCode),
      this.tasks.queue({ departmentCode, statuses: ['open', 'claimed'], limit: WORKLOAD_TASKS }),
    ]);
    const absent = await this.substitutes.absent(clerks.map((c) => c.id), now);
    const names = await this.users.displayNames(queue.flatMap((task) => (task.claimedBy ? [task.claimedBy] : [])));
    const unclaimed = rows.find((row) => row.claimedBy === null);
    return {
      departmentCode,
      open: unclaimed?.tasks ?? 0,
      openOverdue: unclaimed?.overdue ?? 0,
      clerks: clerks.map((clerk) => {
        const held = rows.find((row) => row.claimedBy === clerk.id);
        return { userId: clerk.id, username: clerk.username, displayName: clerk.displayName, claimed: held?.tasks ?? 0, overdue: held?.overdue ?? 0, absent: absent.has(clerk.id) };
      }),
      tasks: queue.slice(0, WORKLOAD_TASKS).map((task) => view(task, names)),
    };
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

const isClosed = (task: CaseTask) => task.status === 'completed' || task.status === 'cancelled' || task.status === 'decided';

const titleOf = (status: number) => HttpStatus[status]?.replace(/_/g, ' ').toLowerCase() ?? 'error';
