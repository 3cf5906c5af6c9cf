import pg from 'pg';
import { inject } from 'vitest';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { runMigrations } from '../../src/database/data-source.js';
import { dataSourceOptions } from '../../src/schema.js';

export interface PrivateDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A migrated database of one test file's own, beside the run's shared one: for changes that cannot be
 * undone and would alter other files' answers (loading a year's official calendar notice). `upTo`
 * migrates only so far: a deployment as an older release left it.
 */
export async function privateDatabase(suffix: string, upTo: readonly Function[] = migrations): Promise<PrivateDatabase> {
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
  const dataSource = new DataSource({ ...dataSourceOptions(url.toString(), { poolSize: 2 }), migrations: [...upTo] });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  return { url: url.toString(), drop: () => sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
