import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keysetPages } from '../src/database/keyset-pages.js';

/** Paging by key over a real table: every row once, in key order, whatever the key's type. */
let client: pg.Client;
const db = { query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T };

beforeAll(async () => {
  client = new pg.Client(inject('databaseUrl'));
  await client.connect();
  await client.query('CREATE TEMP TABLE numbered (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, label text)');
  await client.query(`INSERT INTO numbered (label) SELECT 'row ' || n FROM generate_series(1, 25) n`);
  await client.query('CREATE TEMP TABLE named (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), label text)');
  await client.query(`INSERT INTO named (label) SELECT 'row ' || n FROM generate_series(1, 25) n`);
});

afterAll(async () => {
  await client?.end();
});

async function collect(table: 'numbered' | 'named', idType: 'bigint' | 'uuid', size: number, where?: string, params?: unknown[]) {
  const pages: string[][] = [];
  for await (const page of keysetPages<{ label: string }>(db, { table, idType, select: 't.label', where, params }, size)) pages.push(page.map((row) => row.id));
  return pages;
}

describe('keysetPages', () => {
  it('walks a bigint key numerically, across 9 → 10 and 19 → 20, never by its text', async () => {
    const pages = await collect('numbered', 'bigint', 4);
    expect(pages.flat()).toEqual(Array.from({ length: 25 }, (_, i) => String(i + 1)));
    expect(pages.map((page) => page.length)).toEqual([4, 4, 4, 4, 4, 4, 1]);
  });

  it('walks a uuid key in its order, and filters with parameters of its own', async () => {
    const all = (await collect('named', 'uuid', 7)).flat();
    expect(all).toHaveLength(25);
    expect(all).toEqual([...all].sort());
    const odd = (await collect('numbered', 'bigint', 3, `t.label = ANY($2::text[])`, [['row 1', 'row 11', 'row 21']])).flat();
    expect(odd).toEqual(['1', '11', '21']);
  });
});
