import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Job } from 'bullmq';
import { In } from 'typeorm';
import { PageQuery, decodeCursor, toPage, type Page } from '../http/pagination.js';
import { conflict, notFound } from '../http/problem.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { OutboxRelay } from '../queue/outbox/outbox-relay.service.js';
import { OutboxService } from '../queue/outbox/outbox.service.js';
import { JobName, type JobPayloads } from '../queue/queue-names.js';
import { chinaDate } from '../registry/china-date.js';
import { ClockService } from '../time/clock.service.js';
import { BenefitPoliciesService } from './benefit-policies.service.js';
import { periodKey } from './benefit-period.js';
import { BenefitPolicyVersion } from './benefit-policy-version.entity.js';
import { BenefitPolicy } from './benefit-policy.entity.js';
import { DEFAULT_CHUNK_SIZE, type RunView, type StartRunDto } from './benefit-run.dto.js';
import { BenefitRun } from './benefit-run.entity.js';
import { countChunkStatement, grantChunkStatement, type ChunkSpec } from './grant-sql.js';
import { subjectFacts } from './subject-facts.js';

export type ChunkOutcome = 'continued' | 'completed' | 'skipped';

interface ChunkCounts {
  evaluated: number;
  eligible: number;
  granted: number;
  skippedExisting: number;
}

const runView = (run: BenefitRun, policy: BenefitPolicy, version: BenefitPolicyVersion): RunView => ({
  id: run.id,
  policyCode: policy.code,
  policyVersion: version.version,
  status: run.status,
  dryRun: run.dryRun,
  asOf: run.asOf,
  period: run.period,
  evaluated: run.evaluated,
  eligible: run.eligible,
  granted: run.granted,
  skippedExisting: run.skippedExisting,
  chunksDone: run.chunksDone,
  chunksTotal: run.chunksTotal,
  error: run.error,
  createdAt: run.createdAt,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
});

/**
 * Grant runs: a policy version evaluated set-based over its registry, one id range per `benefits` job,
 * each chunk one SQL statement in one transaction with the run's counters and the next chunk's job.
 */
@Injectable()
export class BenefitRunsService {
  private readonly logger = new Logger(BenefitRunsService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    private readonly notifications: NotificationsService,
    private readonly policies: BenefitPoliciesService,
    private readonly clock: ClockService,
  ) {}

  private get runs() {
    return this.txHost.tx.getRepository(BenefitRun);
  }

  /** Queues a run over the registry as it stands now; subjects added later are picked up by re-evaluation. */
  async start(code: string, dto: StartRunDto, actorId: string): Promise<{ runId: string }> {
    const runId = await this.txHost.withTransaction(async () => {
      const { policy, version } = await this.policies.inForce(code);
      if (!policy.active) throw conflict('benefit_policy.inactive', `The policy ${code} is inactive: activate it before running it.`);
      const dryRun = dto.dryRun ?? false;
      if (!dryRun) {
        // One real run per policy at a time: two would race for the same grants and split the counts.
        await this.txHost.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`benefit-run:${policy.id}`]);
        if (await this.runs.existsBy({ policyId: policy.id, dryRun: false, status: In(['queued', 'running']) })) {
          throw conflict('benefit_run.in_progress', `A grant run of ${code} is already queued or running.`);
        }
      }
      const table = subjectFacts(policy.subjectType).table.table;
      const [range] = await this.txHost.tx.query<Array<{ first: string | null; last: string | null }>>(
        `SELECT min(id)::text AS first, max(id)::text AS last FROM ${table}`,
      );
      const chunkSize = dto.chunkSize ?? DEFAULT_CHUNK_SIZE;
      const chunksTotal = range.first === null ? 0 : Number((BigInt(range.last!) - BigInt(range.first) + BigInt(chunkSize)) / BigInt(chunkSize));
      const asOf = chinaDate(this.clock.now());
      const run = await this.runs.save(
        this.runs.create({
          policyId: policy.id,
          policyVersionId: version.id,
          dryRun,
          asOf,
          period: periodKey(version.period, asOf),
          chunkSize,
          firstSubjectId: range.first,
          lastSubjectId: range.last,
          chunksTotal,
          requestedBy: actorId,
        }),
      );
      await this.outbox.enqueue({ name: JobName.BenefitsRunChunk, data: { runId: run.id, chunk: 0 } });
      return run.id;
    });
    this.relay.nudge();
    return { runId };
  }

  async get(runId: string): Promise<RunView> {
    const run = await this.runs.findOneBy({ id: runId });
    if (!run) throw notFound('benefit_run.not_found', `No benefit run with id ${runId}.`);
    const version = await this.txHost.tx.getRepository(BenefitPolicyVersion).findOneByOrFail({ id: run.policyVersionId });
    const policy = await this.txHost.tx.getRepository(BenefitPolicy).findOneByOrFail({ id: run.policyId });
    return runView(run, policy, version);
  }

  /** The runs of one policy, newest first. */
  async list(code: string, page: PageQuery): Promise<Page<RunView>> {
    const { policy } = await this.policies.inForce(code);
    const limit = page.limit ?? 50;
    const before = decodeCursor<{ createdAt: string; id: string }>(page.cursor);
    const query = this.runs
      .createQueryBuilder('r')
      .innerJoinAndMapOne('r.version', BenefitPolicyVersion, 'v', 'v.id = r.policyVersionId')
      .where('r.policyId = :policyId', { policyId: policy.id })
      // Milliseconds, as the cursor carries a JS Date: ordering by microseconds would let it skip rows.
      .orderBy("date_trunc('milliseconds', r.createdAt)", 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1);
    if (before) query.andWhere("(date_trunc('milliseconds', r.createdAt), r.id) < (CAST(:createdAt AS timestamptz), CAST(:id AS uuid))", before);
    const rows = (await query.getMany()) as Array<BenefitRun & { version: BenefitPolicyVersion }>;
    return toPage(rows, limit, (row) => runView(row, policy, row.version), (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }));
  }

  @JobHandler(JobName.BenefitsRunChunk)
  async onRunChunk(payload: JobPayloads[JobName.BenefitsRunChunk], job: Job): Promise<ChunkOutcome> {
    try {
      const outcome = await this.processChunk(payload);
      // The next chunk's job was committed with this one: let the relay move it now rather than at its next poll.
      if (outcome === 'continued') this.relay.nudge();
      return outcome;
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.fail(payload.runId, error as Error);
      throw error;
    }
  }

  /**
   * Runs chunk `chunk` of a run, once: the run row is locked and its cursor must equal `chunk`, so a
   * repeated or late job finds the cursor moved on and does nothing. The grants, the counters, the
   * notifications and the next chunk's job commit together.
   */
  @Transactional()
  async processChunk({ runId, chunk }: JobPayloads[JobName.BenefitsRunChunk]): Promise<ChunkOutcome> {
    const run = await this.runs.findOne({ where: { id: runId }, lock: { mode: 'pessimistic_write' } });
    if (!run || (run.status !== 'queued' && run.status !== 'running') || run.chunksDone !== chunk) return 'skipped';
    const changes: Partial<BenefitRun> = { chunksDone: chunk + 1 };
    if (run.status === 'queued') Object.assign(changes, { status: 'running', startedAt: new Date() });

    if (chunk < run.chunksTotal) {
      const counts = await this.runChunk(run, chunk);
      Object.assign(changes, {
        evaluated: run.evaluated + counts.evaluated,
        eligible: run.eligible + counts.eligible,
        granted: run.granted + counts.granted,
        skippedExisting: run.skippedExisting + counts.skippedExisting,
      });
    }
    const completed = chunk + 1 >= run.chunksTotal;
    if (completed) Object.assign(changes, { status: 'completed', finishedAt: new Date() });
    else await this.outbox.enqueue({ name: JobName.BenefitsRunChunk, data: { runId, chunk: chunk + 1 } });
    await this.runs.update(run.id, changes);
    return completed ? 'completed' : 'continued';
  }

  private async runChunk(run: BenefitRun, chunk: number): Promise<ChunkCounts> {
    const version = await this.txHost.tx.getRepository(BenefitPolicyVersion).findOneByOrFail({ id: run.policyVersionId });
    const policy = await this.txHost.tx.getRepository(BenefitPolicy).findOneByOrFail({ id: run.policyId });
    const from = BigInt(run.firstSubjectId!) + BigInt(chunk) * BigInt(run.chunkSize);
    const last = BigInt(run.lastSubjectId!);
    const to = from + BigInt(run.chunkSize) - 1n < last ? from + BigInt(run.chunkSize) - 1n : last;
    const spec: ChunkSpec = {
      subject: subjectFacts(policy.subjectType),
      policyId: policy.id,
      policyVersionId: version.id,
      rule: version.rule,
      variablesUsed: version.variablesUsed,
      amount: version.amount,
      runId: run.id,
      asOf: run.asOf,
      period: run.period,
      fromId: String(from),
      toId: String(to),
    };
    if (run.dryRun) {
      const { sql, params } = countChunkStatement(spec);
      const [row] = await this.txHost.tx.query<Array<{ evaluated: number; eligible: number; granted_before: number }>>(sql, params);
      return { evaluated: row.evaluated, eligible: row.eligible, granted: 0, skippedExisting: row.granted_before };
    }
    const { sql, params } = grantChunkStatement(spec);
    const [row] = await this.txHost.tx.query<Array<{ evaluated: number; eligible: number; granted: number; recipients: Array<{ grantId: string; userId: string }> }>>(
      sql,
      params,
    );
    await this.notifications.notify(
      ...row.recipients.map(({ grantId, userId }) => ({
        recipientId: userId,
        template: 'benefit.granted',
        data: { grantId, policyCode: policy.code, policyName: version.name, amount: Number(version.amount), period: run.period },
      })),
    );
    return { evaluated: row.evaluated, eligible: row.eligible, granted: row.granted, skippedExisting: row.eligible - row.granted };
  }

  private async fail(runId: string, error: Error): Promise<void> {
    this.logger.error(`benefit run ${runId} failed: ${error.message}`);
    await this.txHost.tx.query(
      `UPDATE benefit_run SET status = 'failed', error = $2, finished_at = now() WHERE id = $1 AND status IN ('queued', 'running')`,
      [runId, error.message.slice(0, 2000)],
    );
  }
}
