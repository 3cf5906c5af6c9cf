import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '../users/user.entity.js';

export const IS_PUBLIC = Symbol('IS_PUBLIC');
export const ROLES = Symbol('ROLES');

/** Reachable without a token (login, health, catalogue reads, licence verification). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only callers holding one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The authenticated caller, as put on the request by the AuthGuard. */
export interface Caller {
  id: string;
  username: string;
  roles: Role[];
  departmentCode: string | null;
  displayName: string;
}

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  return context.switchToHttp().getRequest<{ user: Caller }>().user;
});
