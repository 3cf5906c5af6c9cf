import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { OrderByCondition } from 'typeorm';
import { badRequest } from './problem.js';

/** `?limit=&cursor=` of every list (API.md). */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  // No length rule here: the list's keyset refuses an over-long cursor as it refuses any other bad one.
  @ApiPropertyOptional({ description: 'nextCursor of the previous page, as given' })
  @IsOptional() @IsString()
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Longer than any cursor we give out (a few keys of at most TEXT_KEY_MAX characters). */
const CURSOR_MAX_LENGTH = 600;
const TEXT_KEY_MAX = 200;
const INT4_MAX = 2 ** 31 - 1;
const INT8_MAX = 2n ** 63n - 1n;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * What a sort key holds, how a decoded value is checked, and the SQL type it is cast to, so that nothing
 * PostgreSQL would refuse (a bad date, an out-of-range number, a NUL byte) ever reaches it.
 */
const KEY_TYPES = {
  timestamp: { cast: 'timestamptz', accepts: (v: unknown): v is string => typeof v === 'string' && TIMESTAMP.test(v) && Number.isFinite(Date.parse(v)) },
  uuid: { cast: 'uuid', accepts: (v: unknown): v is string => typeof v === 'string' && UUID.test(v) },
  text: { cast: 'text', accepts: (v: unknown): v is string => typeof v === 'string' && v.length <= TEXT_KEY_MAX && !CONTROL.test(v) },
  int: { cast: 'integer', accepts: (v: unknown): v is number => Number.isInteger(v) && Math.abs(v as number) <= INT4_MAX },
  // As a decimal string: a JS number loses bigint precision past 2^53.
  bigint: { cast: 'bigint', accepts: (v: unknown): v is string => typeof v === 'string' && /^-?\d{1,19}$/.test(v) && BigInt(v) <= INT8_MAX && BigInt(v) >= -INT8_MAX - 1n },
} as const;

type KeyType = keyof typeof KEY_TYPES;
interface ValueOf {
  timestamp: string;
  uuid: string;
  text: string;
  int: number;
  bigint: string;
}

/** One column (or expression) a list is sorted by. A nullable key sorts its nulls last, in either direction. */
export interface SortKey {
  /** SQL of the column or expression, as the query names it (`c.submittedAt`, `r.created_at`). */
  readonly sql: string;
  readonly type: KeyType;
  readonly nullable?: boolean;
}

/** The position after a row: one value per sort key, typed as the key declares. */
export type Position<K extends Record<string, SortKey>> = {
  -readonly [P in keyof K]: ValueOf[K[P]['type']] | (K[P]['nullable'] extends true ? null : never);
};

/** The decoded cursor of a keyset (`PositionOf<typeof CASE_PAGES>`). */
export type PositionOf<S> = S extends Keyset<infer K> ? Position<K> : never;

/** Placeholders for bound values: `$3` for hand-written SQL, `:keyset_0` for a TypeORM query builder. */
type Bind = (value: unknown) => string;

const badCursor = (message: string) =>
  badRequest('pagination.bad_cursor', 'The cursor is not one this list gave out; start again without it.', [{ path: 'cursor', message }]);

/**
 * The sort order of one list and the codec of its cursors. A cursor is the base64url JSON array of the sort
 * key values of the last row on a page; decoding checks its length and every value's type, so a cursor can
 * carry nothing but a position. The codec renders the "after this position" condition itself, with
 * parameter names of its own (`keyset_<n>`, reserved for it): nothing in a cursor names a parameter.
 *
 * Keys are compared in the order they are declared; the last must be unique and not null (an id).
 */
export class Keyset<const K extends Record<string, SortKey>> {
  private readonly names: (keyof K & string)[];

  constructor(
    private readonly direction: 'ASC' | 'DESC',
    private readonly keys: K,
  ) {
    this.names = Object.keys(keys) as (keyof K & string)[];
    const last = keys[this.names[this.names.length - 1]!];
    if (!last || last.nullable) throw new Error('A keyset ends with a unique key that is never null.');
  }

  decode(cursor: string | undefined): Position<K> | null {
    if (cursor === undefined) return null;
    if (cursor.length > CURSOR_MAX_LENGTH) throw badCursor('is longer than any cursor this list gives out');
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor('is not base64url');
    let values: unknown;
    try {
      values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw badCursor('is not a cursor of this list');
    }
    if (!Array.isArray(values) || values.length !== this.names.length) throw badCursor('is not a cursor of this list');
    const position: Record<string, unknown> = {};
    this.names.forEach((name, i) => {
      const key = this.keys[name]!;
      const value: unknown = values[i];
      if (!(value === null && key.nullable) && !KEY_TYPES[key.type].accepts(value)) throw badCursor(`holds a bad ${name}`);
      position[name] = value;
    });
    return position as Position<K>;
  }

  encode(position: Position<K>): string {
    return Buffer.from(JSON.stringify(this.names.map((name) => position[name]))).toString('base64url');
  }

  /** The ORDER BY of a TypeORM query builder that matches the cursors (`qb.orderBy(keyset.orderBy)`). */
  get orderBy(): OrderByCondition {
    return Object.fromEntries(this.names.map((name) => {
      const key = this.keys[name]!;
      return [key.sql, key.nullable ? { order: this.direction, nulls: 'NULLS LAST' as const } : this.direction];
    }));
  }

  /** The same order as SQL text, for hand-written queries. */
  get orderBySql(): string {
    return this.names.map((name) => `${this.keys[name]!.sql} ${this.direction}${this.keys[name]!.nullable ? ' NULLS LAST' : ''}`).join(', ');
  }

  /** "After this position", for a TypeORM query builder: `qb.andWhere(...keyset.after(position))`. */
  after(position: Position<K>): [sql: string, parameters: Record<string, unknown>] {
    const parameters: Record<string, unknown> = {};
    const sql = this.afterSql(position, (value) => {
      const name = `keyset_${Object.keys(parameters).length}`;
      parameters[name] = value;
      return `:${name}`;
    });
    return [sql, parameters];
  }

  /** "After this position" as SQL text; `bind` adds a value to the query's parameters and answers its placeholder. */
  afterSql(position: Position<K>, bind: Bind): string {
    const placeholders = this.names.map((name) => {
      const value = position[name];
      return value === null ? null : `CAST(${bind(value)} AS ${KEY_TYPES[this.keys[name]!.type].cast})`;
    });
    return this.beyond(0, placeholders);
  }

  /** Rows whose keys from the i-th on come after the position's (nulls sort last). */
  private beyond(i: number, placeholders: (string | null)[]): string {
    const op = this.direction === 'ASC' ? '>' : '<';
    const rest = this.names.slice(i).map((name) => this.keys[name]!);
    if (!rest.some((key) => key.nullable)) {
      // A row comparison, which an index on the same columns serves.
      const columns = rest.map((key) => key.sql);
      const values = placeholders.slice(i);
      return columns.length === 1 ? `${columns[0]} ${op} ${values[0]}` : `(${columns.join(', ')}) ${op} (${values.join(', ')})`;
    }
    const column = rest[0]!.sql;
    const placeholder = placeholders[i];
    if (placeholder === null) return `(${column} IS NULL AND ${this.beyond(i + 1, placeholders)})`;
    const orNull = rest[0]!.nullable ? ` OR ${column} IS NULL` : '';
    return `(${column} ${op} ${placeholder}${orNull} OR (${column} = ${placeholder} AND ${this.beyond(i + 1, placeholders)}))`;
  }

  /** Give it limit + 1 rows: the extra one tells whether there is a next page. */
  page<R, T>(rows: R[], limit: number, view: (row: R) => T, position: (row: R) => Position<K>): Page<T> {
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(view), nextCursor: rows.length > limit && last !== undefined ? this.encode(position(last)) : null };
  }
}
