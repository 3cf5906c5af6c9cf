import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators.js';
import { QueueBackend } from '../queue/queue-backend.js';
import { QueueName } from '../queue/queue-names.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queues: QueueBackend,
  ) {}

  @Public()
  @SkipThrottle()
  @Get()
  @HealthCheck()
  @ApiOkResponse({ description: '{ status: "ok", info: { database, queue } }' })
  @ApiServiceUnavailableResponse({ description: 'a dependency is down' })
  @ApiOperation({ summary: 'Whether the database and the queue backend answer (public)' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2_000 }),
      () =>
        this.indicators
          .check('queue')
          .attempt(async () => {
            await this.queues.ping(QueueName.Notifications, 2_000);
            return { backend: this.queues.kind };
          })
          .withTimeout(2_500),
    ]);
  }
}
