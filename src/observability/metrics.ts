import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, register, type Metric } from 'prom-client';

/**
 * The application's Prometheus metrics (docs/operations.md "Metrics"), in prom-client's default registry
 * that GET /api/metrics serves. Created once per process: several applications in one process (the tests)
 * share them.
 */
function once<T extends Metric>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

/** What the gauges read at scrape time; set by the running application (ObservabilityService). */
export interface MetricsSnapshot {
  queues: Array<{ name: string; waiting: number; active: number; delayed: number; failed: number }>;
  outbox: { pending: number; oldestAgeSeconds: number | null };
  timers: { pending: number; overdue: number };
  cases: Array<{ status: string; count: number }>;
  openFlags: Array<{ severity: string; count: number }>;
  benefitRuns: Array<{ runId: string; policy: string; chunksDone: number; chunksTotal: number }>;
}

let source: (() => Promise<MetricsSnapshot>) | null = null;
let cached: { at: number; snapshot: Promise<MetricsSnapshot | null> } | null = null;
/** One scrape reads the database and the queue backend once, whichever gauges ask. */
const SNAPSHOT_TTL_MS = 2_000;

export function setMetricsSource(read: (() => Promise<MetricsSnapshot>) | null): void {
  source = read;
  cached = null;
}

function snapshot(): Promise<MetricsSnapshot | null> {
  if (!source) return Promise.resolve(null);
  if (!cached || performance.now() - cached.at > SNAPSHOT_TTL_MS) {
    cached = { at: performance.now(), snapshot: source().catch(() => null) };
  }
  return cached.snapshot;
}

/** A gauge whose values are read at scrape time from the snapshot. */
function snapshotGauge<L extends string>(name: string, help: string, labelNames: readonly L[], fill: (gauge: Gauge<L>, s: MetricsSnapshot) => void): Gauge<L> {
  return once(name, () =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      async collect() {
        const s = await snapshot();
        this.reset();
        if (s) fill(this, s);
      },
    }),
  );
}

export const httpDuration = once('ywtb_http_request_duration_seconds', () =>
  new Histogram({
    name: 'ywtb_http_request_duration_seconds',
    help: 'HTTP request latency by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  }),
);

export const jobsTotal = once('ywtb_jobs_total', () =>
  new Counter({ name: 'ywtb_jobs_total', help: 'Jobs run by this process, by job name and outcome (completed, failed)', labelNames: ['job', 'outcome'] as const }),
);

export const jobDuration = once('ywtb_job_duration_seconds', () =>
  new Histogram({
    name: 'ywtb_job_duration_seconds',
    help: 'Job run time by job name and outcome',
    labelNames: ['job', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  }),
);

export const SNAPSHOT_GAUGES = [
  snapshotGauge('ywtb_queue_jobs', 'Jobs in each queue by state', ['queue', 'state'] as const, (gauge, s) => {
    for (const q of s.queues) for (const state of ['waiting', 'active', 'delayed', 'failed'] as const) gauge.set({ queue: q.name, state }, q[state]);
  }),
  snapshotGauge('ywtb_outbox_backlog', 'Outbox rows not yet relayed to the queue', [] as const, (gauge, s) => gauge.set(s.outbox.pending)),
  snapshotGauge('ywtb_outbox_oldest_age_seconds', 'Age of the oldest unrelayed outbox row (0 when none waits)', [] as const, (gauge, s) =>
    gauge.set(s.outbox.oldestAgeSeconds ?? 0),
  ),
  snapshotGauge('ywtb_timers_pending', 'Timers waiting to fire', [] as const, (gauge, s) => gauge.set(s.timers.pending)),
  snapshotGauge('ywtb_timers_overdue', 'Pending timers more than a minute past due', [] as const, (gauge, s) => gauge.set(s.timers.overdue)),
  snapshotGauge('ywtb_cases', 'Cases by status', ['status'] as const, (gauge, s) => {
    for (const row of s.cases) gauge.set({ status: row.status }, row.count);
  }),
  snapshotGauge('ywtb_risk_flags_open', 'Risk flags not resolved, by severity', ['severity'] as const, (gauge, s) => {
    for (const row of s.openFlags) gauge.set({ severity: row.severity }, row.count);
  }),
  snapshotGauge('ywtb_benefit_run_chunks', 'Chunks of each queued or running benefit run: done and total', ['run', 'policy', 'kind'] as const, (gauge, s) => {
    for (const run of s.benefitRuns) {
      gauge.set({ run: run.runId, policy: run.policy, kind: 'done' }, run.chunksDone);
      gauge.set({ run: run.runId, policy: run.policy, kind: 'total' }, run.chunksTotal);
    }
  }),
];

/** Express middleware: the latency of every request by its route template (`/api/cases/:id`), never its path. */
export function httpMetrics() {
  return (request: Request, response: Response, next: NextFunction): void => {
    const end = httpDuration.startTimer();
    response.once('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path;
      end({ method: request.method, route: typeof route === 'string' ? route : 'unmatched', status: String(response.statusCode) });
    });
    next();
  };
}

/** Times a job and counts it by outcome. */
export async function measureJob<T>(jobName: string, run: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const result = await run();
    const took = seconds();
    jobsTotal.inc({ job: jobName, outcome: 'completed' });
    jobDuration.observe({ job: jobName, outcome: 'completed' }, took);
    return { result, seconds: took };
  } catch (error) {
    const took = seconds();
    jobsTotal.inc({ job: jobName, outcome: 'failed' });
    jobDuration.observe({ job: jobName, outcome: 'failed' }, took);
    throw Object.assign(error as Error, { jobSeconds: took });
  }
}
