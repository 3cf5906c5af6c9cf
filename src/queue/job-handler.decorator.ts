import { SetMetadata } from '@nestjs/common';
import type { JobName } from './queue-names.js';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

/** Marks a provider method as the one handler of a job; checked at start-up (exactly one per job name). */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER, name);
