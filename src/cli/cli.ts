import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MigrationKeys } from '../../migrations/migration-keys.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { HistoryKeys } from '../keys/history-keys.js';
import { IdNumberCipher } from '../keys/id-number-cipher.js';
import { migrationKeysOf } from '../keys/migration-keys.js';
import { checkHistoryKeys, resealIdNumbers } from '../keys/protected-data.js';
import { secretKeys } from '../keys/secret-keys.js';
import { pendingSchemaChanges, runMigrations } from '../database/data-source.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { createDataSource } from '../schema.js';
import { seedDatabase } from './seed.js';

const usage = `usage: node dist/src/cli/cli.js <command>
  migrate            apply pending migrations (DATABASE_URL, or the embedded database under DATA_DIR)
  generate <Name>    write migrations/<timestamp>-<name>.ts with what the entities need beyond the migrations
  check              fail when the entities need schema changes no migration makes (run on a fresh database)
  seed               load the 南关区 departments and the accounts of API.md (needs SEED_PASSWORD in production)
  reencrypt          re-encrypt ID numbers sealed under a DATA_KEY listed in DATA_KEY_PREVIOUS with DATA_KEY
                     (start-up does the same; see docs/security-keys.md)`;

/** Runs `work` against the configured database, or against a throwaway embedded one. */
async function withDatabase<T>(url: string | null, dataDir: string, work: (url: string) => Promise<T>): Promise<T> {
  if (url) return work(url);
  const embedded = await startEmbeddedPostgres(dataDir);
  try {
    return await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}

async function migrated<T>(url: string, keys: MigrationKeys | undefined, work: (dataSource: ReturnType<typeof createDataSource>) => Promise<T>): Promise<T> {
  const dataSource = createDataSource(url, { poolSize: 2, applicationName: 'ywtb-cli' });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource, keys);
    for (const name of applied) console.log(`applied ${name}`);
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) => queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down.slice().reverse())}
  }
}
`;
}

/** Fresh databases only for generate/check: a developer's own data must not shape a migration. */
async function onFreshDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ywtb-schema-'));
  try {
    return await withDatabase(null, dir, work);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, name] = argv;
  const config = loadConfig(process.env);
  switch (command) {
    case 'migrate':
      await withDatabase(config.databaseUrl, config.dataDir, (url) => migrated(url, migrationKeysOf(secretKeys(config)), async () => undefined));
      return 0;
    case 'generate': {
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
        console.error('generate needs a PascalCase name, e.g. `npm run migration:generate -- AddCaseTables`');
        return 2;
      }
      const changes = await onFreshDatabase((url) => migrated(url, undefined, pendingSchemaChanges));
      if (changes.up.length === 0) {
        console.log('The migrations already match the entities: nothing to generate.');
        return 0;
      }
      const timestamp = Date.now();
      const className = `${name}${timestamp}`;
      const file = `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
      writeFileSync(join('migrations', `${file}.ts`), migrationSource(className, changes.up, changes.down));
      const index = readFileSync(join('migrations', 'index.ts'), 'utf8')
        .replace('\nexport const migrations', `import { ${className} } from './${file}.js';\n\nexport const migrations`)
        .replace(/\n?\];\s*$/, `\n  ${className},\n];\n`);
      writeFileSync(join('migrations', 'index.ts'), index);
      console.log(`wrote migrations/${file}.ts (${changes.up.length} statements) and listed it in migrations/index.ts`);
      return 0;
    }
    case 'check': {
      const changes = await onFreshDatabase((url) => migrated(url, undefined, pendingSchemaChanges));
      if (changes.up.length > 0) {
        console.error(`The entities need schema changes that no migration makes:\n${changes.up.join('\n')}`);
        console.error('Run `npm run migration:generate -- <Name>` and commit the result.');
        return 1;
      }
      console.log('Migrations and entities agree.');
      return 0;
    }
    case 'seed': {
      if (!config.seedPassword) {
        console.error('SEED_PASSWORD is required to seed when NODE_ENV=production.');
        return 1;
      }
      const password = config.seedPassword;
      const keys = secretKeys(config);
      const result = await withDatabase(config.databaseUrl, config.dataDir, (url) =>
        migrated(url, migrationKeysOf(keys), (ds) => seedDatabase(ds, password, new IdNumberCipher(keys.data))),
      );
      console.log(`seeded ${result.departments} departments, created ${result.usersCreated} accounts`);
      return 0;
    }
    case 'reencrypt': {
      const keys = secretKeys(config);
      const changed = await withDatabase(config.databaseUrl, config.dataDir, (url) =>
        migrated(url, migrationKeysOf(keys), async (ds) => {
          const count = await resealIdNumbers(ds, new IdNumberCipher(keys.data));
          await checkHistoryKeys(ds, new HistoryKeys(keys));
          return count;
        }),
      );
      console.log(`re-encrypted ${changed} ID numbers under DATA_KEY ${new IdNumberCipher(keys.data).currentKeyId}; DATA_KEY_PREVIOUS can go once every process runs with this DATA_KEY`);
      return 0;
    }
    default:
      console.error(usage);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
