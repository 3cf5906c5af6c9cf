import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty' }), PrometheusModule.register({ path: '/metrics', controller: MetricsController })],
  controllers: [HealthController],
})
export class HealthModule {}
