import type { Clock } from '@app/business-calendar';
import type { CaseState, CaseStatus } from '@app/workflow-engine';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { Material } from '../catalog/service-item.entity.js';

export type CaseChannel = 'online' | 'agent' | 'counter';

export interface SubmittedMaterial {
  key: string;
  fileId: string;
}

/** A tolerated material (容缺) still to come, and by when. */
export interface MaterialOwed {
  key: string;
  name: string;
  dueAt: string;
  deliveredAt: string | null;
}

/** Facts about the applicant as rules saw them at submission (`applicant.*`). */
export interface ApplicantSnapshot {
  name: string;
  /** 居民身份证 or 统一社会信用代码, masked: enough for a licence, never the whole number. */
  identifierMasked: string | null;
  age: number | null;
  creditLevel: string | null;
  hukouDistrict: string | null;
  disabilityLevel: number | null;
  monthlyIncome: number | null;
  isEnterprise: boolean;
}

/** A rule the workflow queue must evaluate before the case can move on. */
export interface PendingEvaluation {
  evaluationId: string;
  stepId: string;
  expression: string;
}

/**
 * One application (办件). The engine's state is stored whole; the columns beside it are what queries
 * need (status, department, deadlines — indexed so SQL finds late cases without reading every row).
 */
@Entity({ name: 'case_record' })
@Index('case_record_applicant_idx', ['applicantId', 'submittedAt'])
@Index('case_record_idempotency_idx', ['applicantId', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
@Index('case_record_open_statutory_idx', ['statutoryDeadline'], { where: 'finished_at IS NULL' })
@Index('case_record_open_promised_idx', ['promisedDeadline'], { where: 'finished_at IS NULL' })
@Index('case_record_department_idx', ['departmentCode', 'submittedAt'])
@Index('case_record_parent_idx', ['parentId'], { where: 'parent_id IS NOT NULL' })
// Decided cases by time with everything the turnaround reports read: they answer from the index alone.
@Index(
  'case_record_finished_idx',
  ['finishedAt', 'acceptedAt', 'serviceItemCode', 'departmentCode', 'status', 'promisedDeadline', 'statutoryDeadline', 'decidedBy'],
  { where: 'finished_at IS NOT NULL' },
)
export class CaseRecord {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('case_record_case_no_idx', { unique: true })
  @Column({ type: 'text' })
  caseNo: string;

  @Column({ type: 'uuid' })
  applicantId: string;

  /** The agent who applied for the applicant (代办, `onBehalfOf`); null when the applicant applied. */
  @Index('case_record_agent_idx', { where: 'agent_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  agentId: string | null;

  /** The counter clerk who entered it for a walk-in applicant (窗口代录). */
  @Column({ type: 'uuid', nullable: true })
  enteredBy: string | null;

  /** How it came in: `online`, `agent` or `counter`. */
  @Column({ type: 'text', default: 'online' })
  channel: CaseChannel;

  @Column({ type: 'text', nullable: true })
  serviceItemCode: string | null;

  @Column({ type: 'text', nullable: true })
  bundleCode: string | null;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  /** The department that owns the service item (the bundle's parent has none). */
  @Column({ type: 'text', nullable: true })
  departmentCode: string | null;

  @Column({ type: 'text', nullable: true })
  workflowKey: string | null;

  /** The definition version the case started on; it keeps it when a newer one is published. */
  @Column({ type: 'integer', nullable: true })
  workflowVersion: number | null;

  @Column({ type: 'text' })
  status: CaseStatus;

  @Column({ type: 'jsonb', nullable: true })
  engineState: CaseState | null;

  @Column({ type: 'jsonb' })
  form: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  materials: SubmittedMaterial[];

  /** The item's material list as it was at submission (DESIGN.md: a case keeps what was in force). */
  @Column({ type: 'jsonb' })
  materialList: Material[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  materialsOwed: MaterialOwed[];

  @Column({ type: 'jsonb' })
  applicant: ApplicantSnapshot;

  @Column({ type: 'jsonb', nullable: true })
  pendingEvaluation: PendingEvaluation | null;

  /** The business-calendar clock (法定/承诺时限), started at acceptance. */
  @Column({ type: 'jsonb', nullable: true })
  clock: Clock | null;

  @Column({ type: 'timestamptz', nullable: true })
  statutoryDeadline: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  promisedDeadline: Date | null;

  /** The deadlines count days of a year whose official notice is not loaded yet. */
  @Column({ type: 'boolean', default: false })
  deadlinesProvisional: boolean;

  @Column({ type: 'boolean', default: false })
  clockPaused: boolean;

  @Column({ type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** sha256 of the submitted body: the same key with another body is refused. */
  @Column({ type: 'text', nullable: true })
  requestHash: string | null;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'timestamptz' })
  lastEventAt: Date;

  /** The staff member who took the case's latest decision (accept, approve, correction, …): the clerk its turnaround counts for. */
  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  /** Hash of the newest history row: a deleted last row would otherwise leave a chain that still verifies. */
  @Column({ type: 'text' })
  historyHead: string;

  @Column({ type: 'integer', default: 0 })
  historySeq: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Optimistic lock: two decisions on one case at once give one success and one 409. */
  @VersionColumn()
  version: number;
}
