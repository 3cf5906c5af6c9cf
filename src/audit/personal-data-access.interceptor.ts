import { Injectable, SetMetadata, UseInterceptors, applyDecorators, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { concatMap, type Observable } from 'rxjs';
import { isStaff, type Caller } from '../auth/auth.decorators.js';
import { PersonalDataAccessLog, type PersonalDataSubject } from './personal-data-access.service.js';

const PERSONAL_DATA_READ = Symbol('PERSONAL_DATA_READ');

export interface PersonalDataReadSpec<A> {
  /** The records the answer shows, e.g. `(view) => [{ kind: 'case', id: view.id }]`. */
  subjects: (answer: A, request: Request) => readonly PersonalDataSubject[];
  /** Only for an explicit reveal of unmasked values: the purpose the reader stated in the request. */
  statedPurpose?: (request: Request) => string;
}

type ReadRequest = Request & { user?: Caller; id?: unknown };

/**
 * Records staff reads of personal data for the routes marked with @RecordsPersonalDataAccess: after the
 * handler has answered and before the answer leaves, so a read that failed records nothing and a read
 * that cannot be recorded is not served. Citizens reading their own data are not recorded.
 */
@Injectable()
export class PersonalDataAccessInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly log: PersonalDataAccessLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<PersonalDataReadSpec<unknown> | undefined>(PERSONAL_DATA_READ, context.getHandler());
    const request = context.switchToHttp().getRequest<ReadRequest>();
    const reader = request.user;
    if (!spec || !reader || !isStaff(reader)) return next.handle();
    return next.handle().pipe(
      concatMap(async (answer: unknown) => {
        await this.log.record(reader, spec.subjects(answer, request), {
          purpose: routeOf(request),
          requestId: request.id === undefined ? null : String(request.id),
          statedPurpose: spec.statedPurpose?.(request) ?? null,
        });
        return answer;
      }),
    );
  }
}

/** `GET /api/cases/:id`: the route as declared, never the ids (or anything personal) in the URL. */
function routeOf(request: Request): string {
  const declared = (request.route as { path?: unknown } | undefined)?.path;
  return `${request.method} ${typeof declared === 'string' ? declared : '(unknown route)'}`;
}

/** Marks a route whose answer shows personal data: each staff read of it is recorded in the access log. */
export function RecordsPersonalDataAccess<A>(spec: PersonalDataReadSpec<A>): MethodDecorator {
  return applyDecorators(SetMetadata(PERSONAL_DATA_READ, spec), UseInterceptors(PersonalDataAccessInterceptor));
}
