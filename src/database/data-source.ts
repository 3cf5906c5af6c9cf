import { DataSource, MigrationExecutor, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { withMigrationKeys, type MigrationKeys } from '../../migrations/migration-keys.js';
import { SnakeNamingStrategy } from './naming-strategy.js';

export interface DataSourceOverrides {
  poolSize?: number;
  applicationName?: string;
}

/**
 * PostgreSQL through TypeORM with the given entities. The entity list comes from the composition root
 * (src/schema.ts): this plumbing knows no domain.
 */
export function postgresOptions(url: string, entities: Function[], overrides: DataSourceOverrides = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+ (and PGlite): no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // The schema changes only through migrations (DESIGN.md "Data rules").
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'typeorm_migration',
    migrationsTransactionMode: 'each',
    applicationName: overrides.applicationName ?? 'ywtb',
    poolSize: overrides.poolSize ?? 10,
  };
}

export function postgresDataSource(url: string, entities: Function[], overrides?: DataSourceOverrides): DataSource {
  return new DataSource(postgresOptions(url, entities, overrides));
}

/** Any arbitrary key, the same in every process: only one process migrates at a time. */
const MIGRATION_LOCK_KEY = 7_340_001;

/**
 * Runs pending migrations under a cluster-wide advisory lock; answers the names it applied. Needs a pool
 * of at least 2. A migration that converts protected data (ID numbers, history seals) gets `keys` from
 * here; without them it refuses when there are rows to convert (a fresh database has none).
 */
export async function runMigrations(dataSource: DataSource, keys?: MigrationKeys): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  const runner = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    withMigrationKeys(runner, keys);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await runner.release();
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}

/** The SQL that would bring the database in line with the entities: empty when migrations are complete. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query),
  };
}
