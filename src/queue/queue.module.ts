import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DATABASE_URL } from '../database/database.module.js';
import { JobRegistry } from './job-registry.js';
import { OutboxRelay } from './outbox/outbox-relay.service.js';
import { OutboxService } from './outbox/outbox.service.js';
import { QueueBackend } from './queue-backend.js';
import { WorkersService } from './workers.service.js';

/** Queues, workers and the outbox; callers see OutboxService and never which backend carries the jobs. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    {
      provide: QueueBackend,
      inject: [APP_CONFIG, DATABASE_URL],
      useFactory: (config: AppConfig, databaseUrl: string) =>
        config.redisUrl ? QueueBackend.redis(config.redisUrl, config.queuePrefix) : QueueBackend.postgres(databaseUrl),
    },
    JobRegistry,
    OutboxService,
    OutboxRelay,
    WorkersService,
  ],
  exports: [QueueBackend, OutboxService, OutboxRelay],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(QueueBackend) private readonly backend: QueueBackend) {}

  async onApplicationShutdown(): Promise<void> {
    await this.backend.close();
  }
}
