import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { HttpStatus, Inject, Injectable, Optional, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ProblemException } from '../http/problem.js';
import { UserSessions } from '../users/user-sessions.service.js';
import { AccessTokens } from './access-tokens.js';
import { AUTH_SESSIONS, type AuthSessionsPort } from './auth-sessions.js';
import { ACCEPTS_METRICS_TOKEN, IS_PUBLIC, type AuthenticatedRequest } from './auth.decorators.js';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Every route needs a valid bearer token unless marked @Public(). The token names the account and the
 * session version it was issued under; the account is checked per request (through a cache of a few
 * seconds that every change clears at once, see UserSessions), so disabling a user or changing their
 * password, roles or department ends the sessions issued before.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly metricsToken: Buffer | null;

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly sessions: UserSessions,
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() @Inject(AUTH_SESSIONS) private readonly authSessions?: AuthSessionsPort,
  ) {
    this.metricsToken = config.auth.metricsToken === null ? null : digest(config.auth.metricsToken);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: IncomingHttpHeaders }>();
    const bearer = await this.tokens.bearerOf(request);
    if (bearer.kind === 'absent') {
      if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
      throw new UnauthorizedException('Sign in first: send Authorization: Bearer <token>.');
    }
    if (bearer.kind === 'malformed') throw new UnauthorizedException('The Authorization header must be "Bearer <token>".');
    if (this.isMetricsToken(context, bearer.token)) {
      request.metricsScraper = true;
      return true;
    }
    if (bearer.kind === 'invalid') throw new UnauthorizedException('The token is invalid or has expired; sign in again.');
    const account = await this.sessions.account(bearer.userId);
    if (!account || account.disabled) throw new UnauthorizedException('This account no longer exists or is disabled.');
    if (account.sessionVersion !== bearer.sessionVersion) {
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'auth.session_ended',
        'This session ended when the account changed (password, roles, department or status); sign in again.',
      );
    }
    if (bearer.sessionId && this.authSessions && (await this.authSessions.isRevoked(bearer.sessionId))) {
      throw new ProblemException(HttpStatus.UNAUTHORIZED, 'auth.session_revoked', 'This session was signed out; sign in again.');
    }
    request.user = { id: account.id, username: account.username, roles: account.roles, departmentCode: account.departmentCode, displayName: account.displayName };
    return true;
  }

  private isMetricsToken(context: ExecutionContext, token: string): boolean {
    if (!this.metricsToken || !this.reflector.getAllAndOverride<boolean>(ACCEPTS_METRICS_TOKEN, [context.getHandler(), context.getClass()])) return false;
    return timingSafeEqual(digest(token), this.metricsToken);
  }
}
