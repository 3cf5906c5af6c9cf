import { Module } from '@nestjs/common';
import { OperationsModule } from '../operations/operations.module.js';
import { CaseEventLog } from './case-event-log.js';
import { ObservabilityService } from './observability.service.js';

/** Metrics of the running application (metrics.ts) and the log line of every case event. */
@Module({
  imports: [OperationsModule],
  providers: [ObservabilityService, CaseEventLog],
})
export class ObservabilityModule {}
