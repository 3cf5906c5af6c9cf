import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** `decided`: a joint participant's decision is recorded and waits for the joint-approval worker to apply it. */
export interface RecordedDecision {
  action: 'approve' | 'reject' | 'correction';
  comment: string | null;
  missing: { key: string; reason: string }[];
  actorId: string;
  actorName: string;
  decidedAt: string;
}

export const TASK_STATUSES = ['open', 'claimed', 'decided', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * A human task in a department's queue, opened by the engine. `claimed` holds a lease: when the clerk
 * goes idle past `leaseUntil`, anyone in the department may claim it.
 */
@Entity({ name: 'case_task' })
@Index('case_task_queue_idx', ['departmentCode', 'status', 'dueAt'])
@Index('case_task_case_idx', ['caseId'])
// Open tasks by due date for the risk scan: a small index instead of a walk over every task ever opened.
@Index('case_task_open_due_idx', ['dueAt', 'createdAt', 'claimedBy'], { where: "status IN ('open', 'claimed')" })
export class CaseTask {
  /** The engine's id, `<caseId>:task:<n>`. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  stepId: string;

  @Column({ type: 'text' })
  departmentCode: string;

  @Column({ type: 'text' })
  role: string;

  @Column({ type: 'text' })
  status: TaskStatus;

  @Column({ type: 'text', array: true })
  allowedActions: string[];

  /** End of the step's SLA in working days (or the case's promised deadline when the step has none). */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  claimedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedBy: string | null;

  /** A participant's decision as the clerk made it, kept until the worker has applied it to the case. */
  @Column({ type: 'jsonb', nullable: true })
  decision: RecordedDecision | null;

  /** The decision that completed it, or why it was cancelled. */
  @Column({ type: 'text', nullable: true })
  outcome: string | null;
}
