import { createHash, randomBytes } from 'node:crypto';
import { HttpStatus, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessTokens } from '../auth/access-tokens.js';
import type { AuthSessionsPort, IssuedSession } from '../auth/auth-sessions.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabaseNotifications } from '../database/database-notifications.js';
import { ProblemException } from '../http/problem.js';
import { UsersService } from '../users/users.service.js';
import { AuthSession, RefreshToken } from './auth-session.entity.js';
import { ClockService } from '../time/clock.service.js';

/** Channel of `pg_notify(SESSION_REVOKED, sessionId)`: every API process forgets what it knew of the session. */
export const SESSION_REVOKED = 'ywtb_session_revoked';
/** As UserSessions: a process trusts what it read for a few seconds, and hears of revocations at once. */
const REVOCATION_CACHE_MS = 5_000;
const MAX_CACHED = 10_000;

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();
const unauthorized = (code: string, detail: string) => new ProblemException(HttpStatus.UNAUTHORIZED, code, detail);

type RefreshOutcome =
  | { kind: 'rotated'; session: IssuedSession }
  | { kind: 'refused'; code: string; detail: string };

/**
 * Sign-in sessions: a short-lived access token (`sid` names the session) and a refresh token that is
 * used once and replaced by the next (rotation). A refresh token that comes back after it was used means
 * two parties hold it, so the whole session is revoked (reuse detection); logout revokes it too.
 */
@Injectable()
export class SessionsService implements AuthSessionsPort, OnApplicationBootstrap {
  private readonly revokedCache = new Map<string, { revoked: boolean; until: number }>();
  private generation = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccessTokens,
    private readonly notifications: DatabaseNotifications,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: ClockService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role === 'worker') return;
    await this.notifications.listen(SESSION_REVOKED, {
      notified: (sessionId) => this.forget(sessionId),
      missed: () => {
        this.generation++;
        this.revokedCache.clear();
      },
    });
  }

  async start(account: { id: string; sessionVersion: number }, method: 'password' | 'oidc' | 'registration'): Promise<IssuedSession> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.getRepository(AuthSession).save({ userId: account.id, method, sessionVersion: account.sessionVersion, revokedAt: null, revokedReason: null });
      return this.issue(manager, account, session.id);
    });
  }

  /** The next access and refresh tokens for a refresh token used for the first time; 401 otherwise. */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<RefreshOutcome> => {
      const token = await manager.getRepository(RefreshToken).findOne({ where: { tokenHash: hashOf(refreshToken) }, lock: { mode: 'pessimistic_write' } });
      if (!token) return { kind: 'refused', code: 'auth.refresh_invalid', detail: 'This refresh token is unknown; sign in again.' };
      const session = await manager.getRepository(AuthSession).findOne({ where: { id: token.sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session || session.revokedAt) return { kind: 'refused', code: 'auth.session_revoked', detail: 'This session was signed out; sign in again.' };
      if (token.usedAt) {
        // Rotated already: whoever comes second holds a copy. Neither may go on.
        await this.revokeIn(manager, session.id, 'reuse');
        return { kind: 'refused', code: 'auth.refresh_reused', detail: 'This refresh token was used before: the session is revoked for safety; sign in again.' };
      }
      if (token.expiresAt.getTime() <= this.clock.now().getTime()) return { kind: 'refused', code: 'auth.refresh_expired', detail: 'This session expired; sign in again.' };
      // Read in this transaction: the embedded database serialises transactions, so a read on another
      // connection would wait for this one to end.
      const account = await this.users.sessionHolder(session.userId, manager);
      if (!account || account.disabled || account.sessionVersion !== session.sessionVersion) {
        await this.revokeIn(manager, session.id, 'account_changed');
        return { kind: 'refused', code: 'auth.session_ended', detail: 'This session ended when the account changed; sign in again.' };
      }
      token.usedAt = this.clock.now();
      await manager.getRepository(RefreshToken).save(token);
      return { kind: 'rotated', session: await this.issue(manager, account, session.id) };
    });
    if (outcome.kind === 'refused') throw unauthorized(outcome.code, outcome.detail);
    return outcome.session;
  }

  /** Ends the session (from now on neither its access tokens nor its refresh tokens work). */
  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.dataSource.transaction((manager) => this.revokeIn(manager, sessionId, reason));
    this.forget(sessionId);
  }

  /** The session a refresh token belongs to, for logout with the refresh token alone. */
  async sessionOfRefreshToken(refreshToken: string): Promise<string | null> {
    const token = await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: hashOf(refreshToken) });
    return token?.sessionId ?? null;
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    const cached = this.revokedCache.get(sessionId);
    if (cached && cached.until > performance.now()) return cached.revoked;
    const generation = this.generation;
    const session = await this.dataSource.getRepository(AuthSession).findOne({ where: { id: sessionId }, select: { id: true, revokedAt: true } });
    const revoked = !session || session.revokedAt !== null;
    if (generation === this.generation) {
      if (this.revokedCache.size >= MAX_CACHED) this.revokedCache.clear();
      this.revokedCache.set(sessionId, { revoked, until: performance.now() + REVOCATION_CACHE_MS });
    }
    return revoked;
  }

  private forget(sessionId: string): void {
    this.generation++;
    this.revokedCache.delete(sessionId);
  }

  private async revokeIn(manager: DataSource['manager'], sessionId: string, reason: string): Promise<void> {
    await manager.query('UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL', [sessionId, reason]);
    await manager.query('SELECT pg_notify($1, $2)', [SESSION_REVOKED, sessionId]);
  }

  private async issue(manager: DataSource['manager'], account: { id: string; sessionVersion: number }, sessionId: string): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.getRepository(RefreshToken).insert({
      tokenHash: hashOf(refreshToken),
      sessionId,
      expiresAt: new Date(this.clock.now().getTime() + this.config.auth.refreshTtlSeconds * 1000),
      usedAt: null,
    });
    return { accessToken: await this.tokens.issue(account, sessionId), refreshToken, expiresIn: this.config.auth.jwtTtlSeconds, sessionId };
  }
}
