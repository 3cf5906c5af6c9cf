import { SetMetadata, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '../users/user.entity.js';

export const IS_PUBLIC = Symbol('IS_PUBLIC');
export const ROLES = Symbol('ROLES');
export const ACCEPTS_METRICS_TOKEN = Symbol('ACCEPTS_METRICS_TOKEN');

/** Reachable without a token (login, health, catalogue reads, licence verification). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only callers holding one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** An admin, or the Prometheus scraper presenting METRICS_TOKEN as its bearer token (when one is configured). */
export const AdminOrMetricsToken = () => applyDecorators(SetMetadata(ACCEPTS_METRICS_TOKEN, true), Roles('admin'));

/** The authenticated caller, as put on the request by the AuthGuard. */
export interface Caller {
  id: string;
  username: string;
  roles: Role[];
  departmentCode: string | null;
  displayName: string;
}

/** What the AuthGuard leaves on the request: the caller, or the mark of the metrics scraper. */
/** Staff of the office (clerks, supervisors, admins), as opposed to applicants and agents. */
export const isStaff = (caller: Caller | undefined): boolean => caller?.roles.some((role) => role === 'clerk' || role === 'supervisor' || role === 'admin') ?? false;

export interface AuthenticatedRequest {
  user?: Caller;
  metricsScraper?: true;
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<{ user: Caller }>().user;
});
