import pg from 'pg';
import { inject } from 'vitest';
import { createDataSource, runMigrations } from '../../src/database/data-source.js';

export interface PrivateDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A migrated database of one test file's own, beside the run's shared one: for changes that cannot be
 * undone and would alter other files' answers (loading a year's official calendar notice).
 */
export async function privateDatabase(suffix: string): Promise<PrivateDatabase> {
  const runUrl = new URL(inject('databaseUrl'));
  const name = `${runUrl.pathname.slice(1)}_${suffix}`;
  const url = new URL(runUrl);
  url.pathname = `/${name}`;
  const sql = async (statement: string) => {
    const client = new pg.Client(runUrl.toString());
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await sql(`CREATE DATABASE ${name}`);
  const dataSource = createDataSource(url.toString(), { poolSize: 2 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  return { url: url.toString(), drop: () => sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
