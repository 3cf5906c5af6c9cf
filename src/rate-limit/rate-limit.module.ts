import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerStorageService, getOptionsToken, getStorageToken, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { AuthModule } from '../auth/auth.module.js';
import type { AppConfig } from '../config/app-config.js';
import { FailoverStorage } from './failover-storage.js';
import { PostgresWindowStorage } from './postgres-window-storage.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RedisWindowStorage } from './redis-window-storage.js';

/**
 * Where the counters live, so that every API process spends one budget: Redis in production mode,
 * PostgreSQL in single-server mode. Embedded mode is one process by construction (its database is
 * locked to it), so its counters stay in memory rather than add a write per request to PGlite; so do a
 * worker's, which serves no HTTP.
 */
function storageFor(config: AppConfig, dataSource: DataSource): ThrottlerStorage {
  if (config.role === 'worker') return new ThrottlerStorageService();
  switch (config.mode) {
    case 'production':
      return new FailoverStorage(new RedisWindowStorage(config.redisUrl!, config.queuePrefix));
    case 'single-server':
      return new FailoverStorage(new PostgresWindowStorage(dataSource));
    case 'embedded':
      return new ThrottlerStorageService();
  }
}

/**
 * Rate limits on every route: RATE_LIMIT_PER_MINUTE per route and caller, sign-in routes
 * LOGIN_RATE_LIMIT_PER_MINUTE per address. Import it before AuthModule: global guards run in the order
 * their modules were found, and the limit must come before authentication.
 */
@Module({})
export class RateLimitModule {
  static forRoot(config: AppConfig): DynamicModule {
    const options: ThrottlerModuleOptions = { throttlers: [{ name: 'default', ttl: 60_000, limit: config.http.rateLimitPerMinute }] };
    return {
      module: RateLimitModule,
      imports: [AuthModule],
      providers: [
        { provide: getOptionsToken(), useValue: options },
        { provide: getStorageToken(), inject: [DataSource], useFactory: (dataSource: DataSource) => storageFor(config, dataSource) },
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
    };
  }
}
