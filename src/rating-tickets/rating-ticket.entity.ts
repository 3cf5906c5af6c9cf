import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { TicketOutcome, TicketStatus } from './ticket-rules.js';

export interface TicketVisit {
  note: string;
  by: string;
  byName: string;
  at: string;
}

export interface TicketAppeal {
  reason: string;
  by: string;
  byName: string;
  at: string;
  upheld: boolean | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** 差评 整改: the follow-up of a rating of 1 or 2, worked by the case's department. One per rating (per case). */
@Entity({ name: 'rating_ticket' })
@Index('rating_ticket_case_key', ['caseId'], { unique: true })
@Index('rating_ticket_department_idx', ['departmentCode', 'openedAt'])
@Index('rating_ticket_due_idx', ['dueAt'], { where: "status <> 'closed'" })
export class RatingTicket {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The rated case: a case has one rating, so a rating is named by its case. */
  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  caseNo: string;

  @Column({ type: 'text', nullable: true })
  departmentCode: string | null;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'text' })
  status: TicketStatus;

  @Column({ type: 'text', nullable: true })
  outcome: TicketOutcome | null;

  /** The 15th working day after the rating (China date). */
  @Column({ type: 'date' })
  dueDate: string;

  /** The end of dueDate in China time: what the risk monitor compares with. */
  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  visits: TicketVisit[];

  @Column({ type: 'jsonb', nullable: true })
  rectification: TicketVisit | null;

  @Column({ type: 'jsonb', nullable: true })
  appeal: TicketAppeal | null;

  @Column({ type: 'text', nullable: true })
  appealedFrom: TicketStatus | null;

  @Column({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  closedBy: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;
}
