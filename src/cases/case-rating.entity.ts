import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** 好差评: the applicant's one rating of a finished case. */
@Entity({ name: 'case_rating' })
export class CaseRating {
  @PrimaryColumn({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
