import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The kinds of record whose reads by staff are logged (个人信息保护法): what `subjectId` is the id of. */
export const SUBJECT_KINDS = ['case', 'file', 'registry-person', 'benefit-grant'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/**
 * One read of a record holding personal data by a staff member: who, what, when, and why (the route,
 * or the purpose stated for a reveal). Append-only. No foreign key to the user: the check would cost a
 * lookup on the hot read path, and the log must outlive any account.
 */
@Entity({ name: 'personal_data_access' })
@Index('personal_data_access_accessed_idx', ['accessedAt'])
@Index('personal_data_access_user_idx', ['userId', 'id'])
@Index('personal_data_access_subject_idx', ['subjectKind', 'subjectId', 'id'])
export class PersonalDataAccess {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  accessedAt: Date;

  @Column({ type: 'uuid' })
  userId: string;

  /** As it was at the time: a later rename must not change who the log says it was. */
  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text' })
  subjectKind: SubjectKind;

  @Column({ type: 'text' })
  subjectId: string;

  /** The route template that served the read, e.g. `GET /api/cases/:id`. */
  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  /** Whether the reader saw the values unmasked (an explicit reveal). */
  @Column({ type: 'boolean', default: false })
  revealed: boolean;

  /** What the reader said they needed the unmasked values for. */
  @Column({ type: 'text', nullable: true })
  statedPurpose: string | null;
}
