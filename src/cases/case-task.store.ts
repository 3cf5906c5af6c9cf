import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Keyset, type PositionOf } from '../http/pagination.js';
import { CaseRecord } from './case.entity.js';
import { CaseTask, type RecordedDecision, type TaskStatus } from './case-task.entity.js';

/** A task with what its queue shows of the case. */
export type QueuedTask = CaseTask & { caseNo: string; serviceItemCode: string | null };
/** A task with the parties of its case, whom the 回避 rule keeps out of it. */
export type TaskWithParties = QueuedTask & { applicantId: string; agentId: string | null; enteredBy: string | null };

/** A new task as the engine opens it. */
export interface NewTask {
  id: string;
  caseId: string;
  stepId: string;
  departmentCode: string;
  role: string;
  allowedActions: string[];
  dueAt: Date | null;
}

/** One line of a department's workload: a clerk's held tasks, or (claimedBy null) the unclaimed ones. */
export interface WorkloadRow {
  claimedBy: string | null;
  tasks: number;
  overdue: number;
}

/** A queue's order: oldest deadline first (tasks without one last), then by id for a stable order across pages. */
export const TASK_PAGES = new Keyset('ASC', { dueAt: { sql: 't.due_at', type: 'timestamp', nullable: true }, id: { sql: 't.id', type: 'text' } });

export interface QueueFilter {
  departmentCode: string;
  statuses: readonly TaskStatus[];
  caseId?: string;
  /** Only tasks past their deadline, by the database's clock. */
  overdue?: boolean;
  /** Only tasks held (claimed or assigned) by one of these clerks. */
  claimedBy?: readonly string[];
  after?: PositionOf<typeof TASK_PAGES> | null;
  limit: number;
}

/**
 * The `case_task` table, owned by the cases module: every read and write of a task passes here, in the
 * caller's transaction (the engine opens and closes tasks, the work queue claims and releases them,
 * the joint-approval worker records and applies participants' decisions).
 */
@Injectable()
export class CaseTaskStore {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private get tasks() {
    return this.txHost.tx.getRepository(CaseTask);
  }

  /** One page of a department's queue (limit + 1 rows, for the page's `next`). */
  async queue(filter: QueueFilter): Promise<QueuedTask[]> {
    const qb = this.tasks
      .createQueryBuilder('t')
      .innerJoin(CaseRecord, 'c', 'c.id = t.case_id')
      .select('t.*')
      .addSelect('c.case_no', 'caseNo')
      .addSelect('c.service_item_code', 'serviceItemCode')
      .where('t.department_code = :department', { department: filter.departmentCode })
      .andWhere('t.status IN (:...statuses)', { statuses: [...filter.statuses] })
      .orderBy(TASK_PAGES.orderBy)
      .limit(filter.limit + 1);
    if (filter.overdue) qb.andWhere('t.due_at < now()');
    if (filter.caseId) qb.andWhere('t.case_id = :caseId', { caseId: filter.caseId });
    if (filter.claimedBy) qb.andWhere('t.claimed_by = ANY(:claimedBy)', { claimedBy: [...filter.claimedBy] });
    if (filter.after) qb.andWhere(...TASK_PAGES.after(filter.after));
    return (await qb.getRawMany<Record<string, unknown>>()).map(fromRaw);
  }

  get(id: string): Promise<CaseTask | null> {
    return this.tasks.findOneBy({ id });
  }

  forCase(caseId: string): Promise<CaseTask[]> {
    return this.tasks.find({ where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** A task of one department with the parties of its case; `lock` holds the row until the transaction ends. */
  inDepartment(id: string, departmentCode: string, lock = false): Promise<TaskWithParties | null> {
    return this.withParties({ id, departmentCode }, lock);
  }

  /** A task of any department with the parties of its case (supervisors and admins assign across departments). */
  withCase(id: string, lock = false): Promise<TaskWithParties | null> {
    return this.withParties({ id }, lock);
  }

  private async withParties(where: { id: string; departmentCode?: string }, lock: boolean): Promise<TaskWithParties | null> {
    const task = await this.tasks.findOne({ where, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!task) return null;
    const record = await this.txHost.tx
      .getRepository(CaseRecord)
      .findOneOrFail({ where: { id: task.caseId }, select: { caseNo: true, serviceItemCode: true, applicantId: true, agentId: true, enteredBy: true } });
    return Object.assign(task, { caseNo: record.caseNo, serviceItemCode: record.serviceItemCode, applicantId: record.applicantId, agentId: record.agentId, enteredBy: record.enteredBy });
  }

  /** A null lease never runs out: an assigned task stays the assignee's until released or reassigned. */
  async claim(id: string, claimedBy: string, leaseUntil: Date | null): Promise<void> {
    await this.tasks.update({ id }, { status: 'claimed', claimedBy, leaseUntil });
  }

  async release(id: string): Promise<void> {
    await this.tasks.update({ id }, { status: 'open', claimedBy: null, leaseUntil: null });
  }

  /**
   * What each clerk of a department holds now (claimed with a live lease, or assigned), and how much of
   * it is past its due time; `claimedBy` null counts the department's unclaimed open tasks.
   */
  async workload(departmentCode: string, now: Date): Promise<WorkloadRow[]> {
    const rows = await this.txHost.tx.query<Array<{ claimed_by: string | null; held: number; overdue: number }>>(
      `SELECT CASE WHEN status = 'claimed' AND (lease_until IS NULL OR lease_until >= $2) THEN claimed_by END AS claimed_by,
              count(*)::int AS held, count(*) FILTER (WHERE due_at < $2)::int AS overdue
         FROM case_task
        WHERE department_code = $1 AND status IN ('open', 'claimed')
        GROUP BY 1`,
      [departmentCode, now],
    );
    return rows.map((row) => ({ claimedBy: row.claimed_by, tasks: row.held, overdue: row.overdue }));
  }

  /** Who decided the task the engine has just completed. */
  async stampClosedBy(id: string, closedBy: string): Promise<void> {
    await this.tasks.update({ id }, { closedBy });
  }

  /** 联办: records a participant's decision once; false when the task was decided or closed already. */
  async recordDecision(id: string, decision: RecordedDecision, closedBy: string, closedAt: Date): Promise<boolean> {
    const recorded = await this.txHost.tx
      .createQueryBuilder()
      .update(CaseTask)
      .set({ status: 'decided', decision, closedBy, closedAt, leaseUntil: null })
      .where(`id = :id AND status IN ('open', 'claimed')`, { id })
      .execute();
    return recorded.affected === 1;
  }

  /** Opens tasks; a task that exists already (a repeated fan-out) is left as it is. Returns how many were new. */
  async open(rows: readonly NewTask[]): Promise<number> {
    if (rows.length === 0) return 0;
    const values = rows.map((row) => ({ ...row, status: 'open' as const, allowedActions: [...row.allowedActions] }));
    const result = await this.txHost.tx.createQueryBuilder().insert().into(CaseTask).values(values).orIgnore().returning(['id']).execute();
    return (result.raw as unknown[]).length;
  }

  /** Closes a task with the decision that completed it; `closedAt` stays as it was when omitted. */
  async complete(id: string, outcome: string, closedAt?: Date): Promise<void> {
    await this.tasks.update({ id }, { status: 'completed', outcome, ...(closedAt ? { closedAt } : {}), leaseUntil: null });
  }

  /**
   * Cancels a task the case no longer needs. A joint participant whose decision is recorded but not yet
   * applied did its work: that task is completed with its own decision (the vote is kept), not cancelled,
   * whatever order the worker applies the votes in.
   */
  async cancel(id: string, reason: string, now: Date): Promise<void> {
    await this.tasks
      .createQueryBuilder()
      .update()
      .set({
        status: () => `CASE WHEN status = 'decided' THEN 'completed' ELSE 'cancelled' END`,
        outcome: () => `CASE WHEN status = 'decided' THEN decision->>'action' ELSE :reason END`,
        closedAt: () => `CASE WHEN status = 'decided' THEN closed_at ELSE :now END`,
        leaseUntil: null,
      })
      .where('id = :id', { id })
      .setParameters({ reason, now })
      .execute();
  }
}

function fromRaw(raw: Record<string, unknown>): QueuedTask {
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
    decision: (raw.decision as RecordedDecision | null) ?? null,
    outcome: (raw.outcome as string | null) ?? null,
    caseNo: raw.caseNo as string,
    serviceItemCode: (raw.serviceItemCode as string | null) ?? null,
  });
}
