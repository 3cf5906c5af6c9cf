import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OperationsService } from '../operations/operations.service.js';
import { setMetricsSource, type MetricsSnapshot } from './metrics.js';

/** Feeds the scrape-time gauges of metrics.ts from this application's database and queue backend. */
@Injectable()
export class ObservabilityService implements OnModuleInit, OnApplicationShutdown {
  private readonly read = () => this.snapshot();

  constructor(
    private readonly dataSource: DataSource,
    private readonly operations: OperationsService,
  ) {}

  onModuleInit(): void {
    setMetricsSource(this.read);
  }

  onApplicationShutdown(): void {
    setMetricsSource(null);
  }

  async snapshot(): Promise<MetricsSnapshot> {
    const [counts, backlogs, cases, openFlags, benefitRuns] = await Promise.all([
      this.operations.queueCounts(),
      this.operations.backlogs(),
      this.dataSource.query(`SELECT status, count(*)::int AS count FROM case_record GROUP BY status`) as Promise<MetricsSnapshot['cases']>,
      this.dataSource.query(`SELECT severity, count(*)::int AS count FROM risk_flag WHERE status <> 'resolved' GROUP BY severity`) as Promise<MetricsSnapshot['openFlags']>,
      this.dataSource.query(
        `SELECT r.id AS "runId", p.code AS policy, r.chunks_done AS "chunksDone", r.chunks_total AS "chunksTotal"
           FROM benefit_run r JOIN benefit_policy p ON p.id = r.policy_id WHERE r.status IN ('queued', 'running')`,
      ) as Promise<MetricsSnapshot['benefitRuns']>,
    ]);
    return { queues: counts.queues, ...backlogs, cases, openFlags, benefitRuns };
  }
}
