import { describe, expect, it } from 'vitest';
import { Keyset } from './pagination.js';
import { ProblemException } from './problem.js';

const cases = new Keyset('DESC', { submittedAt: { sql: 'c.submitted_at', type: 'timestamp' }, id: { sql: 'c.id', type: 'uuid' } });
const tasks = new Keyset('ASC', { dueAt: { sql: 't.due_at', type: 'timestamp', nullable: true }, id: { sql: 't.id', type: 'text' } });
const versions = new Keyset('DESC', { version: { sql: 'c.version', type: 'int' } });
const grants = new Keyset('DESC', { id: { sql: 'g.id', type: 'bigint' } });

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const cursorOf = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');

function refusal(run: () => unknown): ProblemException {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemException) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('Keyset cursors', () => {
  it('give back the position they were made from', () => {
    const position = { submittedAt: '2026-03-01T08:00:00.123Z', id: ID };
    expect(cases.decode(cases.encode(position))).toEqual(position);
    expect(tasks.decode(tasks.encode({ dueAt: null, id: `${ID}:accept` }))).toEqual({ dueAt: null, id: `${ID}:accept` });
    expect(versions.decode(versions.encode({ version: 42 }))).toEqual({ version: 42 });
    expect(grants.decode(grants.encode({ id: '9223372036854775807' }))).toEqual({ id: '9223372036854775807' });
    expect(cases.decode(undefined)).toBeNull();
  });

  it('carry values only, never the names of query parameters', () => {
    const cursor = cases.encode({ submittedAt: '2026-03-01T08:00:00.000Z', id: ID });
    expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())).toEqual(['2026-03-01T08:00:00.000Z', ID]);
  });

  it.each<[string, { decode(cursor: string): unknown }, string]>([
    ['characters outside base64url', cases, '%%%'],
    ['bytes that are not JSON', cases, Buffer.from('{"a":').toString('base64url')],
    ['an object, even with the right names', cases, cursorOf({ submittedAt: '2026-03-01T08:00:00.000Z', id: ID, department: 'x' })],
    ['too few values', cases, cursorOf(['2026-03-01T08:00:00.000Z'])],
    ['too many values', cases, cursorOf(['2026-03-01T08:00:00.000Z', ID, 'civil-affairs'])],
    ['a date PostgreSQL would refuse', cases, cursorOf(['2026-02-30T25:00:00.000Z', ID])],
    ['a date without a zone', cases, cursorOf(['2026-03-01 08:00:00', ID])],
    ['an id that is not a UUID', cases, cursorOf(['2026-03-01T08:00:00.000Z', "x' OR 1=1 --"])],
    ['null where the key is never null', cases, cursorOf([null, ID])],
    ['a NUL byte in text', tasks, cursorOf([null, 'a\u0000b'])],
    ['text longer than any key', tasks, cursorOf([null, 'x'.repeat(201)])],
    ['a fraction where an integer belongs', versions, cursorOf([1.5])],
    ['an integer beyond the column', versions, cursorOf([2 ** 31])],
    ['a bigint as a JSON number', grants, cursorOf([12])],
    ['a bigint beyond the column', grants, cursorOf(['9223372036854775808'])],
    ['an over-long cursor', grants, 'A'.repeat(601)],
  ])('refuse %s with 400 pagination.bad_cursor naming the cursor', (_what, keyset, cursor) => {
    const problem = refusal(() => keyset.decode(cursor));
    expect(problem.getStatus()).toBe(400);
    expect(problem.code).toBe('pagination.bad_cursor');
    expect(problem.errors).toEqual([{ path: 'cursor', message: expect.any(String) }]);
  });

  it('render "after" as a row comparison, binding each value once under names of their own', () => {
    const [sql, parameters] = cases.after({ submittedAt: '2026-03-01T08:00:00.000Z', id: ID });
    expect(sql).toBe('(c.submitted_at, c.id) < (CAST(:keyset_0 AS timestamptz), CAST(:keyset_1 AS uuid))');
    expect(parameters).toEqual({ keyset_0: '2026-03-01T08:00:00.000Z', keyset_1: ID });

    const params: unknown[] = [];
    expect(versions.afterSql({ version: 7 }, (value) => `$${params.push(value)}`)).toBe('c.version < CAST($1 AS integer)');
    expect(params).toEqual([7]);
  });

  it('sort nulls last and page through them', () => {
    expect(tasks.orderBySql).toBe('t.due_at ASC NULLS LAST, t.id ASC');
    expect(tasks.orderBy).toEqual({ 't.due_at': { order: 'ASC', nulls: 'NULLS LAST' }, 't.id': 'ASC' });
    const [dated] = tasks.after({ dueAt: '2026-03-01T08:00:00.000Z', id: 'a' });
    expect(dated).toBe(
      '(t.due_at > CAST(:keyset_0 AS timestamptz) OR t.due_at IS NULL OR (t.due_at = CAST(:keyset_0 AS timestamptz) AND t.id > CAST(:keyset_1 AS text)))',
    );
    const [undated, parameters] = tasks.after({ dueAt: null, id: 'a' });
    expect(undated).toBe('(t.due_at IS NULL AND t.id > CAST(:keyset_0 AS text))');
    expect(parameters).toEqual({ keyset_0: 'a' });
  });

  it('need a last key that is never null', () => {
    expect(() => new Keyset('ASC', { dueAt: { sql: 't.due_at', type: 'timestamp', nullable: true } })).toThrow(/never null/);
  });

  it('make a page of limit rows, with a cursor only when more follow', () => {
    const rows = [{ version: 3 }, { version: 2 }, { version: 1 }];
    const page = versions.page(rows, 2, (row) => row.version, (row) => row);
    expect(page.items).toEqual([3, 2]);
    expect(versions.decode(page.nextCursor!)).toEqual({ version: 2 });
    expect(versions.page(rows, 3, (row) => row.version, (row) => row).nextCursor).toBeNull();
  });
});
