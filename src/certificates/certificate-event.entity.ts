import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What happened to a licence after it was issued (撤销), who did it and why: append-only. */
@Entity({ name: 'certificate_event' })
@Index('certificate_event_code_idx', ['code', 'at'])
export class CertificateEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  action: 'revoked';

  @Column({ type: 'uuid' })
  actorId: string;

  @Column({ type: 'text' })
  actorName: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}
