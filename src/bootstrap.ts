import { Logger as NestLogger, type INestApplication, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { apiDocument } from './openapi.js';
import type { AppConfig } from './config/app-config.js';
import { runMigrations } from './database/data-source.js';
import { createDataSource } from './schema.js';
import { httpMetrics } from './observability/metrics.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres.js';
import { seedDatabase } from './cli/seed.js';
import { useBodyParsers } from './http/body-parsers.js';
import { NulBytePipe } from './http/nul-byte.pipe.js';
import { HistoryKeys } from './keys/history-keys.js';
import { IdNumberCipher } from './keys/id-number-cipher.js';
import { migrationKeysOf } from './keys/migration-keys.js';
import { checkHistoryKeys, resealIdNumbers } from './keys/protected-data.js';
import { secretKeys, type SecretKeys } from './keys/secret-keys.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { securityHeaders } from './http/security-headers.js';
import { OperationsBoard } from './operations/operations-board.js';
import { createValidationPipe } from './http/validation.js';
import { QueueBackend } from './queue/queue-backend.js';
import { WorkersService } from './queue/workers.service.js';
import { hasNoAccounts } from './users/seed/accounts.seed.js';

export interface RunningSystem {
  app: INestApplication | INestApplicationContext;
  /** Where the API listens (`http://host:port`), or null for a worker-only process. */
  url: string | null;
  databaseUrl: string;
  close(): Promise<void>;
}

/** Global HTTP behaviour, shared by main and the tests so both see the same API. */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  // Which proxies may name the client in X-Forwarded-For: req.ip (rate limits, logs) is the client's address only then.
  app.set('trust proxy', config.http.trustProxy);
  // No entity tags: Express would hash every answer's body (SHA-1) to let a client revalidate what is
  // computed afresh anyway; and no X-Powered-By for helmet to take off again on every answer.
  app.set('etag', false);
  app.disable('x-powered-by');
  app.setGlobalPrefix('api');
  app.use(securityHeaders());
  app.use(httpMetrics());
  // Before the body parsers: bull-board's own API reads its bodies itself.
  app.get(OperationsBoard).mount(app);
  useBodyParsers(app);
  app.useGlobalPipes(new NulBytePipe(), createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  const document = apiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * Before the program serves: migrations (given the keys, to convert protected data), data sealed under a
 * rotated DATA_KEY re-encrypted, keys checked against the data they must read; in embedded mode also the
 * seed, on first start, so the system is usable at once.
 */
async function prepareDatabase(config: AppConfig, databaseUrl: string, keys: SecretKeys): Promise<void> {
  const dataSource = createDataSource(databaseUrl, { poolSize: 2, applicationName: 'ywtb-migrate' });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource, migrationKeysOf(keys));
    if (applied.length > 0) new NestLogger('Database').log(`applied migrations: ${applied.join(', ')}`);
    const idNumbers = new IdNumberCipher(keys.data);
    await resealIdNumbers(dataSource, idNumbers);
    await checkHistoryKeys(dataSource, new HistoryKeys(keys));
    if (!config.redisUrl) await QueueBackend.preparePostgres(databaseUrl);
    if (config.mode === 'embedded' && config.seedPassword && (await hasNoAccounts(dataSource.manager))) {
      const seeded = await seedDatabase(dataSource, config.seedPassword, idNumbers);
      new NestLogger('Database').log(`seeded ${seeded.departments} departments and ${seeded.usersCreated} accounts`);
    }
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Starts one process of the system (main.ts owns the signals: Nest's own shutdown hooks would re-raise
 * SIGTERM before the embedded database is closed): the embedded database when no DATABASE_URL is set, migrations,
 * then the API (ROLE api/all) and the workers (ROLE worker/all).
 */
export async function startSystem(config: AppConfig): Promise<RunningSystem> {
  let embedded: EmbeddedPostgres | null = null;
  if (config.mode === 'embedded') embedded = await startEmbeddedPostgres(config.dataDir);
  const databaseUrl = embedded?.url ?? (config.databaseUrl as string);
  try {
    await prepareDatabase(config, databaseUrl, secretKeys(config));
    const module = AppModule.forRoot(config, databaseUrl);
    let app: INestApplication | INestApplicationContext;
    let url: string | null = null;
    if (config.role === 'worker') {
      app = await NestFactory.createApplicationContext(module, { bufferLogs: true });
      app.useLogger(app.get(Logger));
      await app.init();
    } else {
      // configureHttp registers the only body parsers, with their limits.
      const http = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
      http.useLogger(http.get(Logger));
      configureHttp(http, config);
      // Registry imports stream files of any size: Node's default 5-minute cap on a request would cut a large one.
      http.getHttpServer().requestTimeout = 0;
      await http.listen(config.http.port, config.http.host);
      const address = http.getHttpServer().address() as { port: number };
      url = `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${address.port}`;
      app = http;
    }
    app.get(WorkersService).start();
    return {
      app,
      url,
      databaseUrl,
      async close() {
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
