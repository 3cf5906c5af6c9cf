import { describe, expect, it } from 'vitest';
import { toProblem } from '../http/problem-details.filter.js';
import { uniqueConflictOf } from './unique-violations.js';

/** What TypeORM throws for a unique violation: the driver's error with PostgreSQL's fields. */
const violation = (constraint: string, table: string) => ({
  message: `duplicate key value violates unique constraint "${constraint}"`,
  driverError: { code: '23505', constraint, table, detail: 'Key (id_number)=(220102198503141231) already exists.' },
});

describe('uniqueConflictOf', () => {
  it('names the conflict of a known constraint, and of a known primary key by its table', () => {
    expect(uniqueConflictOf(violation('app_user_username_key', 'app_user'))).toMatchObject({ code: 'user.username_taken', path: 'username' });
    expect(uniqueConflictOf(violation('PK_e9fb2789d0b4b3de0ca26323892', 'service_item'))).toMatchObject({ code: 'catalog.item_exists' });
  });

  it('answers any other unique violation as a plain duplicate, and other errors not at all', () => {
    expect(uniqueConflictOf(violation('registry_person_id_number_key', 'registry_person'))).toMatchObject({ code: 'conflict.duplicate' });
    expect(uniqueConflictOf(violation('constructor', 'x'))).toMatchObject({ code: 'conflict.duplicate' });
    expect(uniqueConflictOf({ driverError: { code: '23503' } })).toBeNull();
    expect(uniqueConflictOf(new Error('boom'))).toBeNull();
  });
});

describe('toProblem of database errors a client can cause', () => {
  it('is a 409 that never repeats the duplicated value', () => {
    const problem = toProblem(violation('registry_person_id_number_key', 'registry_person'));
    expect(problem).toMatchObject({ status: 409, code: 'conflict.duplicate' });
    expect(JSON.stringify(problem)).not.toContain('220102198503141231');
  });

  it('is a 400 request.nul_byte for a string PostgreSQL cannot store', () => {
    expect(toProblem({ driverError: { code: '22021' } })).toMatchObject({ status: 400, code: 'request.nul_byte' });
    expect(toProblem({ code: '22P05' })).toMatchObject({ status: 400, code: 'request.nul_byte' });
  });
});

describe('toProblem of a request that raced another or lost the database', () => {
  it('is a retryable 503 service.busy for a serialization failure, a deadlock or a cancelled lock wait', () => {
    for (const code of ['40001', '40P01', '55P03']) {
      expect(toProblem({ message: 'deadlock detected', driverError: { code } })).toMatchObject({ status: 503, code: 'service.busy', retryAfter: 1 });
    }
  });

  it('is a retryable 503 service.busy when the connection dropped mid-transaction, however the driver wraps it', () => {
    for (const error of [
      { driverError: { code: '57P01', message: 'terminating connection due to administrator command' } },
      { driverError: { code: '08006' } },
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('commit failed', { cause: Object.assign(new Error('x'), { code: '40001' }) }),
      new AggregateError([Object.assign(new Error('deadlock detected'), { code: '40P01' })], 'transaction failed'),
    ]) {
      expect(toProblem(error), JSON.stringify(error)).toMatchObject({ status: 503, code: 'service.busy', retryAfter: 1 });
    }
  });

  it('is a 503 service.unavailable when the database cannot be reached', () => {
    expect(toProblem(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toMatchObject({ status: 503, code: 'service.unavailable' });
    expect(toProblem(new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })]))).toMatchObject({ status: 503, code: 'service.unavailable' });
    expect(toProblem({ driverError: { code: '57P03' } })).toMatchObject({ status: 503, code: 'service.unavailable' });
    expect(toProblem(new Error('timeout exceeded when trying to connect'))).toMatchObject({ status: 503, code: 'service.unavailable' });
  });

  it('is still a 500 for anything else', () => {
    expect(toProblem(new Error('boom'))).toMatchObject({ status: 500, code: 'internal' });
    expect(toProblem({ driverError: { code: '42P01' } })).toMatchObject({ status: 500, code: 'internal' });
  });
});
