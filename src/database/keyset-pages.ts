/** What a page query needs: a TypeORM DataSource, EntityManager or QueryRunner. */
export interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** Below every id: identity ids start at 1, and the nil UUID sorts first. */
const BEFORE_FIRST = { bigint: '0', uuid: '00000000-0000-0000-0000-000000000000' } as const;

export interface PagedTable {
  /** Read as `t`. */
  table: string;
  idType: keyof typeof BEFORE_FIRST;
  /** The columns besides the id, over `t`. */
  select: string;
  /** A condition over `t`; its placeholders start at $2, filled from `params`. */
  where?: string;
  params?: unknown[];
}

/**
 * Rows of a table in primary-key order, `size` at a time, each with its id as text: keyset pages (no
 * OFFSET rescans, no row missed or repeated while earlier pages are being updated).
 */
export async function* keysetPages<T>(db: Queryable, page: PagedTable, size: number): AsyncGenerator<Array<T & { id: string }>> {
  // `ORDER BY t.id`, not `ORDER BY id`: that would sort by the text alias and skip rows of a bigint key.
  const sql = `SELECT t.id::text AS id, ${page.select} FROM ${page.table} t
                WHERE t.id > $1::${page.idType} AND (${page.where ?? 'TRUE'}) ORDER BY t.id LIMIT ${size}`;
  let after: string = BEFORE_FIRST[page.idType];
  for (;;) {
    const rows = await db.query<Array<T & { id: string }>>(sql, [after, ...(page.params ?? [])]);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].id;
  }
}
