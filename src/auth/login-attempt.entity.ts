import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Consecutive failed sign-ins of one username, shared by every API process; a success deletes the row. */
@Entity({ name: 'login_attempt' })
export class LoginAttempt {
  /** SHA-256 of the username tried, so a password typed into the username field is never stored. */
  @PrimaryColumn({ type: 'text' })
  usernameHash: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ type: 'timestamptz' })
  lastFailureAt: Date;

  /** Attempts before this moment are refused without checking the password. */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
