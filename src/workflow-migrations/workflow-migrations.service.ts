import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { checkStepMapping, migrateCase, type WorkflowDefinition } from '@app/workflow-engine';
import type { Caller } from '../auth/auth.decorators.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CaseEngine } from '../cases/case-engine.service.js';
import { CaseTaskStore } from '../cases/case-task.store.js';
import { CaseStore } from '../cases/case.store.js';
import { ProblemException, unprocessable } from '../http/problem.js';
import { ClockService } from '../time/clock.service.js';
import { WorkflowsService } from '../workflows/workflows.service.js';
import type { CaseMigrationResultView, WorkflowMigrationDto, WorkflowMigrationView } from './workflow-migration.dto.js';

/**
 * Moves the open cases of one definition version to another (`POST /api/workflows/:key/migrations`).
 * The pure engine decides each move (`migrateCase`); here each case is moved in its own transaction,
 * under the case's optimistic lock, with one hash-chained history row — a case that changed meanwhile is
 * refused (409 reason) and the others still move.
 */
@Injectable()
export class WorkflowMigrationsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly workflows: WorkflowsService,
    private readonly cases: CaseStore,
    private readonly tasks: CaseTaskStore,
    private readonly engine: CaseEngine,
    private readonly calendars: CalendarService,
    private readonly clock: ClockService,
  ) {}

  async migrate(key: string, body: WorkflowMigrationDto, caller: Caller): Promise<WorkflowMigrationView> {
    const dryRun = body.dryRun ?? false;
    const { from, to } = await this.versions(key, body);
    const problems = checkStepMapping(from, to, body.stepMapping);
    if (problems.length > 0) throw unprocessable(problems[0]!.code, `The step mapping cannot be carried out: ${problems.map((p) => p.message).join('; ')}.`, problems.map(({ path, message }) => ({ path, message })));

    const ids = await this.cases.openOnWorkflow(key, body.fromVersion);
    const results: CaseMigrationResultView[] = [];
    for (const id of ids) results.push(await this.moveOne(id, key, body, to, caller, dryRun));
    const moved = results.filter((r) => r.status !== 'refused').length;
    return { key, fromVersion: body.fromVersion, toVersion: body.toVersion, dryRun, moved, refused: results.length - moved, results };
  }

  /** Both versions, refusing a move to anything but the published version, or from a draft. */
  private async versions(key: string, body: WorkflowMigrationDto): Promise<{ from: WorkflowDefinition; to: WorkflowDefinition }> {
    // Existence first: an unknown workflow answers 404 whatever the body says.
    const from = await this.workflows.versionAt(key, body.fromVersion);
    const to = await this.workflows.versionAt(key, body.toVersion);
    if (body.fromVersion === body.toVersion) {
      throw unprocessable('migration.same_version', 'fromVersion and toVersion are the same version.', [{ path: 'toVersion', message: 'must differ from fromVersion' }]);
    }
    if (from.status === 'draft') {
      throw unprocessable('migration.version_not_published', `Version ${body.fromVersion} of "${key}" is a draft: no case runs on it.`, [{ path: 'fromVersion', message: 'a draft was never published' }]);
    }
    if (to.status !== 'published') {
      throw unprocessable('migration.version_not_published', `Version ${body.toVersion} of "${key}" is ${to.status}: cases move only to the published version.`, [{ path: 'toVersion', message: `is ${to.status}, not the published version` }]);
    }
    return { from: from.definition, to: to.definition };
  }

  /** One case, in its own transaction: reloaded, checked, and (unless a dry run) moved with its history row. */
  private async moveOne(id: string, key: string, body: WorkflowMigrationDto, to: WorkflowDefinition, caller: Caller, dryRun: boolean): Promise<CaseMigrationResultView> {
    let caseNo = '';
    let fromStep: string | null = null;
    try {
      return await this.txHost.withTransaction(async () => {
        const record = await this.cases.getOrFail(id);
        caseNo = record.caseNo;
        fromStep = record.engineState?.activity?.stepId ?? null;
        const about = { caseId: id, caseNo };
        // Moved (or finished) since the list was read: not this migration's case any more.
        if (record.workflowKey !== key || record.workflowVersion !== body.fromVersion || !record.engineState || record.finishedAt) {
          return { ...about, status: 'refused' as const, fromStep, toStep: null, problem: { code: 'migration.case_changed', detail: 'The case finished or moved to another version meanwhile.' } };
        }
        const move = migrateCase(record.engineState, to, body.stepMapping);
        if (!move.ok) return { ...about, status: 'refused' as const, fromStep: move.fromStep, toStep: move.toStep, problem: { code: move.code, detail: move.message } };
        if (dryRun) return { ...about, status: 'would_move' as const, fromStep: move.fromStep, toStep: move.toStep };

        const now = this.clock.now();
        for (const taskId of move.cancelTasks) await this.tasks.cancel(taskId, 'migrated', now);
        if (move.openTasks.length > 0) await this.engine.openTasks(record, move.openTasks, await this.calendars.calendar(), now);
        record.engineState = move.state;
        record.status = move.state.status;
        record.workflowVersion = body.toVersion;
        record.lastEventAt = now;
        // Takes the case's version (409 if it changed since it was read) and appends the chained history row.
        await this.engine.applyOutsideWorkflow(
          record,
          { id: caller.id, name: caller.displayName },
          'workflow_migrated',
          {
            comment: `流程定义由第 ${body.fromVersion} 版迁移至第 ${body.toVersion} 版（${move.fromStep} → ${move.toStep}）`,
            data: { workflowKey: key, fromVersion: body.fromVersion, toVersion: body.toVersion, fromStep: move.fromStep, toStep: move.toStep, cancelledTasks: move.cancelTasks, openedTasks: move.openTasks.map((o) => o.task.id) },
          },
          now,
        );
        return { ...about, status: 'moved' as const, fromStep: move.fromStep, toStep: move.toStep };
      });
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      return { caseId: id, caseNo, status: 'refused', fromStep, toStep: body.stepMapping[fromStep ?? ''] ?? null, problem: { code: error.code, detail: error.message } };
    }
  }
}
