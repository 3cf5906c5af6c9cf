import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An electronic licence (电子证照) issued by a certificate step; anyone can verify it by its code. */
@Entity({ name: 'certificate' })
@Index('certificate_case_idx', ['caseId'])
export class Certificate {
  /** The verification code printed on the licence: random, unguessable, easy to read aloud. */
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  serviceItemCode: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  holderName: string;

  /** An enterprise's name is public and shown whole; a person's is masked wherever it is shown. */
  @Column({ type: 'text', default: 'person' })
  holderKind: 'person' | 'enterprise';

  /** 居民身份证 or 统一社会信用代码 of the holder, stored masked: a public document needs no more. */
  @Column({ type: 'text', nullable: true })
  holderIdentifier: string | null;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  validUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** 撤销: why, and by whom (the certificate_event row keeps the same, append-only). */
  @Column({ type: 'text', nullable: true })
  revokedReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  revokedBy: string | null;

  /** The account the licence was issued to (the case's applicant): told when it is revoked. */
  @Column({ type: 'uuid', nullable: true })
  holderId: string | null;
}
