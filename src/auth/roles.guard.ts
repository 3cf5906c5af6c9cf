import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../users/user.entity.js';
import { ROLES, type AuthenticatedRequest } from './auth.decorators.js';

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!required?.length) return true;
    const { user, metricsScraper } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // The AuthGuard marks the scraper only on routes that take METRICS_TOKEN instead of those roles.
    if (metricsScraper || (user && required.some((role) => user.roles.includes(role)))) return true;
    throw new ForbiddenException(`This needs one of the roles: ${required.join(', ')}.`);
  }
}
