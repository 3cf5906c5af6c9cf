import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { JobName, type JobPayloads } from '../queue/queue-names.js';
import { BenefitReevaluationService } from './benefit-reevaluation.service.js';
import { BenefitRunsService } from './benefit-runs.service.js';

/** The `benefits` jobs: each reloads its run or subjects in the service and does only what is still due. */
@Injectable()
export class BenefitsJobs {
  constructor(
    private readonly runs: BenefitRunsService,
    private readonly reevaluation: BenefitReevaluationService,
  ) {}

  @JobHandler(JobName.BenefitsRunChunk)
  runChunk(payload: JobPayloads[JobName.BenefitsRunChunk], job: Job) {
    return this.runs.onRunChunk(payload, job);
  }

  @JobHandler(JobName.BenefitsReevaluateSubjects)
  reevaluateSubjects(payload: JobPayloads[JobName.BenefitsReevaluateSubjects]) {
    return this.reevaluation.reevaluate(payload);
  }
}
