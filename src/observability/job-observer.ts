import type { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { measureJob } from './metrics.js';
import { TRACE_FIELD, inJobSpan } from './tracing.js';

/** The ids a job's log line may carry: payloads hold ids only, never personal data (queue-names.ts). */
const ID_FIELDS = ['caseId', 'taskId', 'runId', 'parentId', 'notificationId', 'scanId', 'importId'] as const;

/**
 * Runs a job counted and timed (ywtb_jobs_total, ywtb_job_duration_seconds) and logs one JSON line for
 * it: job name and id, queue, attempt, the ids it names, duration and outcome.
 */
export async function runObserved<T>(job: Job, logger: Logger, run: () => Promise<T>): Promise<T> {
  const data = (job.data ?? {}) as Record<string, unknown>;
  const ids = Object.fromEntries(ID_FIELDS.filter((field) => typeof data[field] === 'string').map((field) => [field, data[field]]));
  const line = { event: 'job', job: job.name, jobId: job.id, queue: job.queueName, attempt: job.attemptsMade + 1, ...ids };
  try {
    const attributes = { 'messaging.destination.name': job.queueName, 'messaging.message.id': String(job.id) };
    const { result, seconds } = await inJobSpan(job.name, attributes, data[TRACE_FIELD], () => measureJob(job.name, run));
    logger.log({ ...line, outcome: 'completed', result: typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean' ? result : undefined, durationMs: Math.round(seconds * 1000) });
    return result;
  } catch (error) {
    const seconds = (error as { jobSeconds?: number }).jobSeconds ?? 0;
    logger.warn({ ...line, outcome: 'failed', error: (error as Error).message?.slice(0, 300), durationMs: Math.round(seconds * 1000) });
    throw error;
  }
}
