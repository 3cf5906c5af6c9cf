import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A registration code sent by SMS. Neither the phone nor the code is stored: the phone by its keyed
 * hash (to find the latest code and count sends), the code by an HMAC bound to this row.
 */
@Entity({ name: 'sms_code' })
@Index('sms_code_phone_idx', ['phoneHash', 'createdAt'])
@Index('sms_code_address_idx', ['addressHash', 'createdAt'])
export class SmsCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bytea' })
  phoneHash: Buffer;

  /** The keyed hash of the client address that asked: sends are limited per address too. */
  @Column({ type: 'bytea' })
  addressHash: Buffer;

  @Column({ type: 'bytea' })
  codeHash: Buffer;

  /** Wrong codes tried against this one; at the limit it is spent. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Set when a registration used it: a code works once. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
