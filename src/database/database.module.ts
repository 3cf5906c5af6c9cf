import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { DatabaseNotifications } from './database-notifications.js';
import { postgresOptions } from './data-source.js';

/** The URL the process talks to: the configured DATABASE_URL, or the embedded server's loopback URL. */
export const DATABASE_URL = Symbol('DATABASE_URL');

/**
 * TypeORM on the given URL, plus CLS-carried transactions: a service method marked @Transactional()
 * runs its writes, history rows and outbox rows in one transaction (STYLE.md "Transactions").
 */
@Global()
@Module({})
export class DatabaseModule {
  /** `entities` come from the composition root (src/schema.ts). */
  static forRoot(databaseUrl: string, entities: Function[], poolSize?: number): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({ ...postgresOptions(databaseUrl, entities, { poolSize }), retryAttempts: 3, retryDelay: 1_000 }),
        ClsModule.forRoot({
          global: true,
          // Per request only the context itself: no proxy providers are declared (resolving them costs a
          // require() and a pass over the registry on every request), and nothing reads the request from CLS.
          middleware: { mount: true, resolveProxyProviders: false, saveReq: false },
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
      ],
      providers: [
        { provide: DATABASE_URL, useValue: databaseUrl },
        { provide: DatabaseNotifications, useFactory: () => new DatabaseNotifications(databaseUrl) },
      ],
      exports: [DATABASE_URL, DatabaseNotifications],
    };
  }
}
