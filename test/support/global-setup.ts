import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../../src/database/data-source.js';
import { createDataSource } from '../../src/schema.js';

/**
 * One fresh PostgreSQL database per test run (migrated once), and a Redis database flushed for it.
 * Tests create their own rows with fresh ids instead of truncating (STYLE.md "Tests").
 */
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://root@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    /** Unique per run: runs sharing one Redis never see each other's jobs. */
    queuePrefix: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const name = `ywtb_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client(ADMIN_URL);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();

  const dataSource = createDataSource(databaseUrl, { poolSize: 2 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();

  project.provide('databaseUrl', databaseUrl);
  project.provide('redisUrl', REDIS_URL);
  project.provide('queuePrefix', name.replace(/_/g, '-'));

  return async () => {
    const client = new pg.Client(ADMIN_URL);
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
    const { Redis } = await import('ioredis');
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`{${name.replace(/_/g, '-')}}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  };
}
