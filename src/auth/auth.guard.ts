import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { User } from '../users/user.entity.js';
import { IS_PUBLIC, type Caller } from './auth.decorators.js';

interface TokenClaims {
  sub: string;
}

/**
 * Every route needs a valid bearer token unless marked @Public(). The account is reloaded per request,
 * so disabling a user or changing their roles takes effect at once rather than when the token expires.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: Caller }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    const header = request.headers.authorization;
    if (!header) {
      if (isPublic) return true;
      throw new UnauthorizedException('Sign in first: send Authorization: Bearer <token>.');
    }
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedException('The Authorization header must be "Bearer <token>".');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw new UnauthorizedException('The token is invalid or has expired; sign in again.');
    }
    const user = await this.dataSource.getRepository(User).findOneBy({ id: claims.sub });
    if (!user || user.disabled) throw new UnauthorizedException('This account no longer exists or is disabled.');
    request.user = { id: user.id, username: user.username, roles: user.roles, departmentCode: user.departmentCode, displayName: user.displayName };
    return true;
  }
}
