import { Injectable } from '@nestjs/common';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { JobName } from '../queue/queue-names.js';
import { HistoryAuditService } from './history-audit.service.js';

/** The scheduled signed checkpoint of the history chain; skipped while another process takes one. */
@Injectable()
export class HistoryCheckpointJobs {
  constructor(private readonly audit: HistoryAuditService) {}

  @JobHandler(JobName.HistoryCheckpoint)
  checkpoint() {
    return this.audit.onSchedule();
  }
}
