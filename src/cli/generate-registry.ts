import { chinaDate } from '@app/business-calendar';
import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NestFactory } from '@nestjs/core';
import { ClsService } from 'nestjs-cls';
import { AppModule } from '../app.module.js';
import { ConfigError, loadConfig, type AppConfig } from '../config/app-config.js';
import { runMigrations } from '../database/data-source.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { migrationKeysOf } from '../keys/migration-keys.js';
import { secretKeys } from '../keys/secret-keys.js';
import { RegistryImportService, type ImportSummary } from '../registry/registry-import.service.js';
import type { SubjectType } from '../registry/registry-records.js';
import { registryCsv, syntheticEnterprises, syntheticPersons } from '../registry/synthetic-registry.js';
import { createDataSource } from '../schema.js';

const usage = `usage: npm run seed:registry -- --persons N --enterprises M [--seed S] [--out FILE.csv]
  Generates a synthetic registry of 长春市 (valid 居民身份证 numbers and 统一社会信用代码) and imports it
  into the configured database (DATABASE_URL, or the embedded one under DATA_DIR, which must not be in
  use by a running server) through the same streaming import as POST /api/registry/*/import.
  --seed S       the same seed makes the same registry (default 1)
  --out FILE.csv write CSV instead of importing; with both kinds, FILE.persons.csv and FILE.enterprises.csv`;

interface Options {
  persons: number;
  enterprises: number;
  seed: number;
  out: string | null;
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { persons: 0, enterprises: 0, seed: 1, out: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) return `${flag} needs a value`;
    if (flag === '--out') options.out = value;
    else if (flag === '--persons' || flag === '--enterprises' || flag === '--seed') {
      if (!/^\d{1,9}$/.test(value)) return `${flag} must be a whole number, not ${value}`;
      options[flag.slice(2) as 'persons' | 'enterprises' | 'seed'] = Number(value);
    } else return `unknown option ${flag}`;
  }
  if (options.persons === 0 && options.enterprises === 0) return 'ask for --persons or --enterprises (or both)';
  return options;
}

function csvOf(type: SubjectType, options: Options, today: string): Iterable<string> {
  return type === 'person'
    ? registryCsv(syntheticPersons(options.persons, options.seed, today), 'person')
    : registryCsv(syntheticEnterprises(options.enterprises, options.seed, today), 'enterprise');
}

function outFile(out: string, type: SubjectType, both: boolean): string {
  return both ? `${out.replace(/\.csv$/i, '')}.${type === 'person' ? 'persons' : 'enterprises'}.csv` : out;
}

/** Boots the application without HTTP and without workers: the import's re-evaluation jobs wait in the outbox for the server. */
async function importInto(config: AppConfig, databaseUrl: string, kinds: SubjectType[], options: Options, today: string): Promise<void> {
  const migrate = createDataSource(databaseUrl, { poolSize: 2, applicationName: 'ywtb-generator' });
  await migrate.initialize();
  await runMigrations(migrate, migrationKeysOf(secretKeys(config))).finally(() => migrate.destroy());
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, role: 'api' }, databaseUrl), { logger: ['error', 'warn'] });
  try {
    const importer = app.get(RegistryImportService);
    const cls = app.get(ClsService);
    for (const subjectType of kinds) {
      const started = Date.now();
      const summary: ImportSummary = await cls.run(() =>
        importer.import({ subjectType, format: 'csv', charset: 'utf-8', body: Readable.from(csvOf(subjectType, options, today)), source: 'generator', startedBy: null }),
      );
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `${subjectType}: ${summary.lines} lines in ${seconds.toFixed(1)} s — imported ${summary.imported}, updated ${summary.updated}, ` +
          `unchanged ${summary.unchanged}, rejected ${summary.rejectedCount} (import ${summary.importId}, RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB)`,
      );
    }
  } finally {
    await app.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    console.error(`${options}\n${usage}`);
    return 2;
  }
  const today = chinaDate(new Date());
  const kinds = (['person', 'enterprise'] as const).filter((kind) => (kind === 'person' ? options.persons : options.enterprises) > 0);
  if (options.out !== null) {
    for (const kind of kinds) {
      const file = outFile(options.out, kind, kinds.length > 1);
      await pipeline(Readable.from(csvOf(kind, options, today)), createWriteStream(file));
      console.log(`wrote ${file}`);
    }
    return 0;
  }
  const config = loadConfig(process.env);
  if (config.databaseUrl) {
    await importInto(config, config.databaseUrl, kinds, options, today);
    return 0;
  }
  const embedded = await startEmbeddedPostgres(config.dataDir);
  try {
    await importInto(config, embedded.url, kinds, options, today);
  } finally {
    await embedded.stop();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
