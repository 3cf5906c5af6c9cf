import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const COMMITMENT_CHECK_STATUSES = ['open', 'confirmed', 'false_commitment'] as const;
export type CommitmentCheckStatus = (typeof COMMITMENT_CHECK_STATUSES)[number];

/**
 * 告知承诺 核查: a case approved on the applicant's commitment is checked by the item's department within
 * the item's `commitmentCheckDays` working days. The row is the durable task: its due date is what the
 * risk monitor reads; one per case.
 */
@Entity({ name: 'commitment_check' })
@Index('commitment_check_case_key', ['caseId'], { unique: true })
@Index('commitment_check_queue_idx', ['departmentCode', 'status', 'dueAt'])
@Index('commitment_check_open_due_idx', ['dueAt'], { where: `status = 'open'` })
export class CommitmentCheck {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  caseNo: string;

  @Column({ type: 'text' })
  serviceItemCode: string;

  /** The item's department, whose clerks check. */
  @Column({ type: 'text' })
  departmentCode: string;

  @Column({ type: 'text' })
  status: CommitmentCheckStatus;

  /** The China date by which the check is due (N working days after the approval). */
  @Column({ type: 'date' })
  dueDate: string;

  /** The first instant after `dueDate`, for SQL. */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'text', nullable: true })
  decidedByName: string | null;

  /** What the clerk found; for a false commitment, the reason the licence was revoked with. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The licences revoked because the commitment was false. */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  revokedCertificates: string[];
}
