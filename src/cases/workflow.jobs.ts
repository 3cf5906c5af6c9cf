import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { JsonSchema } from '@app/rules';
import { pendingEvaluation, runningTimers } from '@app/workflow-engine';
import { CatalogService } from '../catalog/catalog.service.js';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { JobName, type JobPayloads } from '../queue/queue-names.js';
import { decideRule } from './auto-rule.js';
import { TimersService } from '../timers/timers.service.js';
import { CaseEngine, SYSTEM, caseTimer } from './case-engine.service.js';
import { CaseRecord } from './case.entity.js';

/**
 * The `workflow` queue: timers, and the auto steps and routing conditions the engine left pending (it
 * decides them in the transaction that reaches them; a case left waiting by an older version, or by a
 * chain of rules too long for one transaction, is decided here). Each job reloads the case
 * and does nothing unless the case still waits for exactly this evaluation or timer, so a repeated or
 * late job is harmless.
 */
@Injectable()
export class WorkflowJobs {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly engine: CaseEngine,
    private readonly timers: TimersService,
    private readonly catalog: CatalogService,
  ) {}

  @JobHandler(JobName.EvaluateRule)
  @Transactional()
  async evaluate({ caseId, evaluationId }: JobPayloads[JobName.EvaluateRule]): Promise<boolean | 'skipped'> {
    const record = await this.txHost.tx.getRepository(CaseRecord).findOneBy({ id: caseId });
    const pending = record?.pendingEvaluation;
    if (!record?.engineState || !pending || pending.evaluationId !== evaluationId || pendingEvaluation(record.engineState) !== evaluationId) return 'skipped';
    const item = await this.catalog.itemOrNull(record.serviceItemCode ?? '');
    const { result, comment } = decideRule(record, pending, (item?.formSchema as JsonSchema | undefined) ?? null);
    record.pendingEvaluation = null;
    await this.engine.apply(record, { type: 'rule_evaluated', evaluationId, result }, SYSTEM, { comment, data: { rule: pending.expression, result } });
    return result;
  }

  @JobHandler(JobName.FireTimer)
  @Transactional()
  async fireTimer({ caseId, timerId }: JobPayloads[JobName.FireTimer]): Promise<'fired' | 'skipped'> {
    // Marked fired in the transaction of its effect: a second run (a job re-enqueued by the reconciler,
    // a stalled job taken over) finds it fired and does nothing. Timers older than the table have no row.
    const ref = caseTimer(caseId, timerId);
    if (!(await this.timers.fire(ref)) && (await this.timers.known(ref))) return 'skipped';
    const record = await this.txHost.tx.getRepository(CaseRecord).findOneBy({ id: caseId });
    if (!record?.engineState || !runningTimers(record.engineState).includes(timerId)) return 'skipped';
    await this.engine.apply(record, { type: 'timer_fired', timerId }, SYSTEM);
    return 'fired';
  }
}
