import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { inject } from 'vitest';
import { startSystem, type RunningSystem } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { seedDatabase } from '../../src/cli/seed.js';
import { runMigrations } from '../../src/database/data-source.js';
import { createDataSource } from '../../src/schema.js';
import { IdNumberCipher } from '../../src/keys/id-number-cipher.js';
import { secretKeys } from '../../src/keys/secret-keys.js';

export const SEED_PASSWORD = 'Test-seed-password-2026';

const testKey = (name: string) => createHash('sha256').update(`ywtb test ${name}`).digest('hex');
/**
 * The keys of every system on the run's shared database: they must all read what the others wrote.
 * (An embedded system gets its own, generated under its DATA_DIR as in real use.)
 */
export const TEST_KEYS = { DATA_KEY: testKey('data key'), HISTORY_KEY: testKey('history key'), HISTORY_SIGNING_KEY: testKey('history signing key') };

/** ID numbers as the systems on the shared database seal and hash them: DATA_KEY of TEST_KEYS. */
export const testIdNumbers = () => new IdNumberCipher({ current: Buffer.from(TEST_KEYS.DATA_KEY, 'hex'), previous: [] });

export interface TestSystem extends RunningSystem {
  http(): ReturnType<typeof request>;
  login(username: string, password?: string): Promise<string>;
  stopAll(): Promise<void>;
}

export type TestMode = 'embedded' | 'single-server' | 'production';

/**
 * Boots the real program in-process (same bootstrap as main) on a random port.
 * single-server / production use the run's migrated PostgreSQL database; embedded uses a fresh DATA_DIR.
 */
export async function startTestSystem(mode: TestMode, env: Record<string, string> = {}): Promise<TestSystem> {
  const base: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    SEED_PASSWORD,
    // Tests share one database (and Redis) for rate-limit counters and sign in often from one address.
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    OUTBOX_POLL_MS: '50',
  };
  // Every system gets its own DATA_DIR (uploads, and the embedded database), removed when it stops.
  const dataDir = mkdtempSync(join(tmpdir(), `ywtb-${mode}-`));
  base.DATA_DIR = dataDir;
  if (mode !== 'embedded') {
    base.DATABASE_URL = inject('databaseUrl');
    if (mode === 'production') base.REDIS_URL = inject('redisUrl');
    base.QUEUE_PREFIX = inject('queuePrefix');
    Object.assign(base, TEST_KEYS);
  }
  const config = loadConfig({ ...base, ...env });
  if (config.databaseUrl) await seed(config);
  const system = await startSystem(config);
  const server = (system.app as INestApplication).getHttpServer?.();
  return {
    ...system,
    http: () => request(server),
    async login(username: string, password = SEED_PASSWORD) {
      const response = await request(server).post('/api/auth/login').send({ username, password }).expect(200);
      return response.body.accessToken as string;
    },
    async stopAll() {
      await system.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Migrating and seeding are idempotent, so every test file may call this on the shared run database. */
export async function seed(config: AppConfig): Promise<void> {
  const dataSource = createDataSource(config.databaseUrl!, { poolSize: 2 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    await seedDatabase(dataSource, SEED_PASSWORD, new IdNumberCipher(secretKeys(config).data));
  } finally {
    await dataSource.destroy();
  }
}
