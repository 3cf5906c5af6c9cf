import { Inject, Injectable, Optional, UnauthorizedException } from '@nestjs/common';
import { AUTH_SESSIONS, type AuthSessionsPort } from './auth-sessions.js';
import { UsersService } from '../users/users.service.js';
import { AccessTokens } from './access-tokens.js';
import { LoginAttempts } from './login-attempts.js';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password.js';
import type { LoginResponse } from './login.dto.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly attempts: LoginAttempts,
    private readonly tokens: AccessTokens,
    @Optional() @Inject(AUTH_SESSIONS) private readonly sessions?: AuthSessionsPort,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    await this.attempts.admit(username);
    const user = await this.users.findForSignIn(username);
    // Hash even when the user is unknown, so the answer's timing does not reveal which usernames exist.
    const valid = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !valid || user.disabled) throw new UnauthorizedException('Wrong username or password.');
    await this.attempts.succeeded(username);
    const session = this.sessions ? await this.sessions.start(user, 'password') : null;
    const accessToken = session?.accessToken ?? (await this.tokens.issue(user));
    return {
      accessToken,
      ...(session ? { refreshToken: session.refreshToken, expiresIn: session.expiresIn } : {}),
      user: { id: user.id, username: user.username, roles: user.roles, departmentCode: user.departmentCode, displayName: user.displayName },
    };
  }
}
