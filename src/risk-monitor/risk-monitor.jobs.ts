import { Injectable } from '@nestjs/common';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { JobName, type JobPayloads } from '../queue/queue-names.js';
import { RiskCheck } from './risk-check.service.js';
import { RiskScanService } from './risk-scan.service.js';

/** The `risk` jobs: the check of one case after it changed, and the scan across all of them. */
@Injectable()
export class RiskMonitorJobs {
  constructor(
    private readonly check: RiskCheck,
    private readonly scans: RiskScanService,
  ) {}

  @JobHandler(JobName.RiskCheckCase)
  checkCase(payload: JobPayloads[JobName.RiskCheckCase]) {
    return this.check.checkCase(payload);
  }

  @JobHandler(JobName.RiskScan)
  scan(payload: JobPayloads[JobName.RiskScan]) {
    return this.scans.onScan(payload);
  }
}
