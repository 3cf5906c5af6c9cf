import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One sign-in on one device: the family of refresh tokens that rotate from it. Access tokens name it
 * (`sid`), so revoking it (logout, or a refresh token used twice) ends the access tokens too.
 */
@Entity({ name: 'auth_session' })
@Index('auth_session_user_idx', ['userId'])
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  /** How the person signed in: `password`, `oidc` or `registration`. */
  @Column({ type: 'text' })
  method: string;

  /** The account's session version at sign-in: a change of password or roles since ends the session. */
  @Column({ type: 'integer' })
  sessionVersion: number;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Why: `logout`, `reuse` (a rotated refresh token came back: stolen), `expired`. */
  @Column({ type: 'text', nullable: true })
  revokedReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A refresh token of a session, stored by its SHA-256; each is used once and replaced (rotation). */
@Entity({ name: 'refresh_token' })
@Index('refresh_token_session_idx', ['sessionId'])
export class RefreshToken {
  @PrimaryColumn({ type: 'bytea' })
  tokenHash: Buffer;

  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** When it was exchanged for its successor; a second use revokes the whole session. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
