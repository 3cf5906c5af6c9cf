import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { deadlines, isPaused, pause, resume, startClock, type BusinessCalendar, type Clock } from '@app/business-calendar';
import { decide, findStep, type CaseEvent, type Effect, type EngineError, type TaskOpening, type WorkflowDefinition } from '@app/workflow-engine';
import type { QueryRunner } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { orBeyondHorizon } from '../calendar/calendar-problems.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { conflict, unprocessable } from '../http/problem.js';
import { HistoryKeys } from '../keys/history-keys.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OutboxService } from '../queue/outbox/outbox.service.js';
import { JobName } from '../queue/queue-names.js';
import { CertificatesService } from '../certificates/certificates.service.js';
import { CommitmentChecksService } from '../commitment-checks/commitment-checks.service.js';
import { CaseTaskStore } from './case-task.store.js';
import { CatalogService } from '../catalog/catalog.service.js';
import type { ServiceItem } from '../catalog/service-item.entity.js';
import type { JsonSchema } from '@app/rules';
import { decideRule } from './auto-rule.js';
import { ClockService } from '../time/clock.service.js';
import { TimersService, type TimerRef } from '../timers/timers.service.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { WorkflowsService } from '../workflows/workflows.service.js';
import { CaseHistory } from './case-history.entity.js';
import { STAFF_DECISIONS } from './staff-decisions.js';
import { CaseRecord } from './case.entity.js';
import { keyedEntryHash, type ChainEntry } from './history-chain.js';

/** A workflow timer step's row in the `timer` table. */
export const caseTimer = (caseId: string, timerId: string): TimerRef => ({ kind: 'case-timer', subject: caseId, key: timerId });

/** Who caused an event: a person, or the system (a worker, a timer). */
export interface Actor {
  id: string | null;
  name: string;
}

export const SYSTEM: Actor = { id: null, name: 'system' };

/** Auto steps and routing conditions decided in one transaction before the rest goes to the workflow queue. */
export const MAX_INLINE_RULES = 32;

/** Working days an applicant has to deliver a material tolerated at acceptance (容缺受理). */
export const TOLERATED_MATERIAL_DAYS = 5;

/** An event as the shell hands it in: `at` is added here, from one clock. */
export type EngineInput = CaseEvent extends infer E ? (E extends CaseEvent ? Omit<E, 'at'> : never) : never;

/** What the engine reads of a case's service item (its form's schema types the rules); the submission has it at hand. */
export type ItemFacts = Pick<ServiceItem, 'code' | 'name' | 'formSchema' | 'departmentCode' | 'commitmentCheckDays'>;

export interface HistoryNote {
  comment?: string | null;
  data?: Record<string, unknown>;
}

const HTTP_OF_ENGINE_ERROR: Partial<Record<EngineError['code'], 409 | 422>> = {
  'engine.action_not_allowed': 422,
  'engine.invalid_event': 422,
};

/** 409 when the case moved on (task decided, case finished); 422 when the request can never be right here. */
export function engineProblem(error: EngineError) {
  return HTTP_OF_ENGINE_ERROR[error.code] === 422 ? unprocessable(error.code, error.message) : conflict(error.code, error.message);
}

/**
 * The only way a case changes: load it, ask the pure engine what follows from an event, and write the
 * new state, its effects (tasks, timers, clock, certificates, notifications, jobs) and one hash-chained
 * history row (an HMAC under HISTORY_KEY: no query more than an unkeyed chain) in the caller's
 * transaction, under an optimistic lock on the case row.
 */
@Injectable()
export class CaseEngine {
  private readonly definitions = new Map<string, WorkflowDefinition>();
  /** Cases whose risk check the transaction (by its query runner) has enqueued already. */
  private readonly riskChecked = new WeakMap<QueryRunner, Set<string>>();

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly workflows: WorkflowsService,
    private readonly calendars: CalendarService,
    private readonly outbox: OutboxService,
    private readonly notifications: NotificationsService,
    private readonly certificates: CertificatesService,
    private readonly clock: ClockService,
    private readonly historyKeys: HistoryKeys,
    private readonly timers: TimersService,
    private readonly webhooks: WebhooksService,
    private readonly tasks: CaseTaskStore,
    private readonly catalog: CatalogService,
    private readonly commitmentChecks: CommitmentChecksService,
  ) {}

  /** Published versions never change, so each is read from the database once per process. */
  async definitionOf(record: Pick<CaseRecord, 'workflowKey' | 'workflowVersion'>): Promise<WorkflowDefinition> {
    const id = `${record.workflowKey}@${record.workflowVersion}`;
    let definition = this.definitions.get(id);
    if (!definition) {
      definition = await this.workflows.definitionAt(record.workflowKey!, record.workflowVersion!);
      this.definitions.set(id, definition);
    }
    return definition;
  }

  /**
   * Applies one event to a stored case, inside the caller's transaction. The version taken first makes a
   * concurrent change wait for this one and then fail with 409, before it writes anything.
   */
  async apply(record: CaseRecord, input: EngineInput, actor: Actor, note: HistoryNote = {}, now = this.clock.now()): Promise<CaseRecord> {
    await this.claim(record);
    return this.step(record, input, actor, note, now, false);
  }

  private async claim(record: CaseRecord): Promise<void> {
    const claimed = await this.txHost.tx
      .createQueryBuilder()
      .update(CaseRecord)
      .set({ version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: record.id, version: record.version })
      .execute();
    if (claimed.affected !== 1) throw conflict('case.concurrent_change', 'The case changed meanwhile; reload it and try again.');
    record.version += 1;
  }

  /** Submits a new case (not yet stored): the first event of its life. */
  async start(record: CaseRecord, actor: Actor, note: HistoryNote = {}, now = this.clock.now(), item?: ItemFacts): Promise<CaseRecord> {
    return this.step(record, { type: 'submit', caseId: record.id }, actor, note, now, true, item);
  }

  /**
   * One event, then every auto step and routing condition it reaches, decided here in the same
   * transaction (their answer depends only on the case's facts): each its own event and history row,
   * as if a worker had sent it, and the case saved once at the end.
   */
  private async step(record: CaseRecord, input: EngineInput, actor: Actor, note: HistoryNote, now: Date, isNew: boolean, item?: ItemFacts): Promise<CaseRecord> {
    const definition = await this.definitionOf(record);
    const calendar = await this.calendars.calendar();
    const at = now.toISOString();
    let next: { input: EngineInput; actor: Actor; note: HistoryNote } | null = { input, actor, note };
    for (let round = 0; next; round++) {
      const event = { ...next.input, at } as CaseEvent;
      const decision = decide(definition, record.engineState, event);
      if (!decision.ok) throw engineProblem(decision.error);

      const fromStatus = isNew && round === 0 ? null : record.status;
      record.engineState = decision.state;
      record.status = decision.state.status;
      record.lastEventAt = now;
      if (isNew && round === 0) await this.txHost.tx.getRepository(CaseRecord).insert(record as QueryDeepPartialEntity<CaseRecord>);

      // A chain of rules longer than this (a definition looping on itself) goes on in the workflow queue.
      const inline = round < MAX_INLINE_RULES;
      for (const effect of decision.effects) await this.carryOut(record, effect, definition, calendar, now, inline, item);
      this.refreshDeadlines(record, calendar, now);

      await this.appendHistory(record, { actor: next.actor, action: event.type, fromStatus, toStatus: record.status, now, note: { ...next.note, data: { ...eventData(event), ...next.note.data } } });
      // Approved by a rule, not by a reviewer: on a 告知承诺 item the commitment is checked afterwards.
      if (event.type === 'rule_evaluated' && event.result && record.status === 'approved') await this.commitmentChecks.openFor(record, item?.code === record.serviceItemCode ? item : undefined);
      next = inline ? await this.ruleEvent(record, item) : null;
    }
    await this.save(record);
    return record;
  }

  /** The `rule_evaluated` event of the rule the last event left pending, if any. */
  private async ruleEvent(record: CaseRecord, known?: ItemFacts): Promise<{ input: EngineInput; actor: Actor; note: HistoryNote } | null> {
    const pending = record.pendingEvaluation;
    if (!pending) return null;
    const item = known?.code === record.serviceItemCode ? known : record.serviceItemCode === null ? null : await this.catalog.itemOrNull(record.serviceItemCode);
    const { result, comment } = decideRule(record, pending, (item?.formSchema as JsonSchema | undefined) ?? null);
    record.pendingEvaluation = null;
    return { input: { type: 'rule_evaluated', evaluationId: pending.evaluationId, result }, actor: SYSTEM, note: { comment, data: { rule: pending.expression, result } } };
  }

  /**
   * A change to a stored case that is not a workflow event (the clock paused for a hearing, an extension):
   * taken under the same optimistic lock as `apply`, with its own history row.
   */
  async applyOutsideWorkflow(record: CaseRecord, actor: Actor, action: string, note: HistoryNote, now = this.clock.now()): Promise<void> {
    await this.claim(record);
    await this.record(record, actor, action, note, now);
  }

  /** Stores a bundle's parent case, which runs no workflow of its own: its children do. */
  async open(record: CaseRecord, actor: Actor, now = this.clock.now()): Promise<CaseRecord> {
    await this.txHost.tx.getRepository(CaseRecord).insert(record as QueryDeepPartialEntity<CaseRecord>);
    await this.appendHistory(record, { actor, action: 'submit', fromStatus: null, toStatus: record.status, now, note: {} });
    await this.save(record);
    return record;
  }

  /** A history row outside the engine (recomputed deadlines, delivered materials), chained like the rest. */
  async record(record: CaseRecord, actor: Actor, action: string, note: HistoryNote, now = this.clock.now(), fromStatus = record.status): Promise<void> {
    await this.appendHistory(record, { actor, action, fromStatus, toStatus: record.status, now, note });
    await this.save(record);
  }

  private async carryOut(record: CaseRecord, effect: Effect, definition: WorkflowDefinition, calendar: BusinessCalendar, now: Date, inline: boolean, item?: ItemFacts): Promise<void> {
    // The case and item name its notices show, when the caller knows the item (saves notify's look-up).
    const subject = item && item.code === record.serviceItemCode ? { id: record.id, itemName: item.name } : undefined;
    switch (effect.type) {
      case 'open_task':
        await this.openTasks(record, [effect], calendar, now);
        return;
      case 'enqueue_joint_fan_out':
        // The joint-approval worker opens the participants' tasks (idempotently, from the state).
        await this.outbox.enqueue({ name: JobName.JointFanOut, data: { caseId: record.id, stepId: effect.stepId } });
        return;
      case 'complete_task':
        await this.tasks.complete(effect.taskId, effect.action, now);
        return;
      case 'cancel_task':
        await this.tasks.cancel(effect.taskId, effect.reason, now);
        return;
      case 'evaluate_rule':
        record.pendingEvaluation = { evaluationId: effect.evaluationId, stepId: effect.stepId, expression: effect.expression };
        if (!inline) await this.outbox.enqueue({ name: JobName.EvaluateRule, data: { caseId: record.id, evaluationId: effect.evaluationId } });
        return;
      case 'start_timer': {
        const firesAt = timerEnd(effect.duration, calendar, now);
        await this.timers.start(caseTimer(record.id, effect.timerId), firesAt, { name: JobName.FireTimer, data: { caseId: record.id, timerId: effect.timerId } });
        return;
      }
      case 'cancel_timer':
        // The delayed job finds the timer cancelled (and gone from the state) and does nothing.
        await this.timers.cancel(caseTimer(record.id, effect.timerId));
        return;
      case 'start_clock': {
        const limits = definition.limits ?? { statutoryDays: 20, promisedDays: 20 };
        record.clock = startClock(effect.at, { statutoryDays: limits.statutoryDays, promisedDays: limits.promisedDays });
        record.acceptedAt = new Date(effect.at);
        // 容缺受理: what was tolerated at acceptance is owed within a few working days from now on.
        const due = slaEnd(TOLERATED_MATERIAL_DAYS, calendar, now).toISOString();
        record.materialsOwed = record.materialsOwed.map((owed) => ({ ...owed, dueAt: owed.dueAt || due }));
        return;
      }
      case 'pause_clock':
        // Already stopped for an expert review or hearing: the clock stays stopped, under that reason.
        if (record.clock && !isPaused(record.clock)) record.clock = clockResult(pause(record.clock, effect.at, effect.reason));
        return;
      case 'resume_clock':
        // Only the engine's own pause ends here; a clerk's pause (expert review, hearing) ends by the clerk.
        if (record.clock && pausedFor(record.clock) === effect.reason) record.clock = clockResult(resume(record.clock, effect.at));
        return;
      case 'issue_certificate': {
        const step = findStep(definition, effect.stepId);
        const name = step?.type === 'certificate' ? step.certificate?.name : undefined;
        const validYears = step?.type === 'certificate' ? step.certificate?.validYears : undefined;
        const certificate = await this.certificates.issue(record, { name: name ?? definition.name, validYears, at: now });
        await this.webhooks.publish('certificate.issued', record.id, { caseId: record.id, caseNo: record.caseNo, certificateCode: certificate.code, serviceItemCode: record.serviceItemCode, name: certificate.name });
        await this.notifications.notify(
          ...recipientsOf(record).map((recipientId) => ({ recipientId, template: 'case.certificate_issued', data: { caseNo: record.caseNo, certificateCode: certificate.code, name: certificate.name }, subject })),
        );
        return;
      }
      case 'notify':
        await this.notifications.notify(...recipientsOf(record).map((recipientId) => ({ recipientId, template: `case.${effect.template}`, data: { caseNo: record.caseNo, ...effect.data }, subject })));
        return;
      case 'finish_case':
        if (record.parentId) await this.outbox.enqueue({ name: JobName.BundleProgress, data: { parentId: record.parentId } });
        record.finishedAt = new Date(effect.at);
        record.pendingEvaluation = null;
        if (record.clock && isPaused(record.clock)) record.clock = clockResult(resume(record.clock, effect.at));
        return;
    }
  }

  /** Opens tasks; a task that exists already (a repeated fan-out) is left as it is. */
  async openTasks(record: CaseRecord, openings: readonly TaskOpening[], calendar: BusinessCalendar, now: Date): Promise<number> {
    return this.tasks.open(
      openings.map((opening) => ({
        id: opening.task.id,
        caseId: record.id,
        stepId: opening.task.stepId,
        departmentCode: opening.task.department,
        role: opening.task.role,
        allowedActions: [...opening.allowedActions],
        dueAt: opening.sla ? slaEnd(opening.sla.workingDays, calendar, now) : record.promisedDeadline,
      })),
    );
  }

  /** Deadlines are stored (indexed) so SQL can find late cases; while paused they are given as of now. */
  refreshDeadlines(record: CaseRecord, calendar: BusinessCalendar, now: Date): void {
    if (!record.clock) return;
    const reading = orBeyondHorizon(deadlines(record.clock, calendar, now));
    record.statutoryDeadline = new Date(reading.statutoryDeadline);
    record.promisedDeadline = new Date(reading.promisedDeadline);
    record.deadlinesProvisional = reading.provisional;
    record.clockPaused = reading.paused;
  }

  private async appendHistory(
    record: CaseRecord,
    entry: { actor: Actor; action: string; fromStatus: string | null; toStatus: string | null; now: Date; note: HistoryNote },
  ): Promise<void> {
    const seq = record.historySeq + 1;
    const prevHash = record.historyHead;
    const chained: ChainEntry = {
      caseId: record.id,
      seq,
      at: entry.now.toISOString(),
      actorId: entry.actor.id,
      actor: entry.actor.name,
      action: entry.action,
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      comment: entry.note.comment ?? null,
      data: entry.note.data ?? {},
    };
    const key = this.historyKeys.chain.current;
    const hash = keyedEntryHash(key.key, prevHash, chained);
    await this.txHost.tx.getRepository(CaseHistory).insert({ ...chained, at: entry.now, prevHash, hash, hashKeyId: key.id } as QueryDeepPartialEntity<CaseHistory>);
    record.historySeq = seq;
    record.historyHead = hash;
    await this.publishCaseEvents(record, entry);
    if (entry.actor.id !== null && STAFF_DECISIONS.includes(entry.action)) record.decidedBy = entry.actor.id;
  }

  /** Other systems hear of a case's submission, each change of its status and its end (webhooks), in history order. */
  private async publishCaseEvents(record: CaseRecord, entry: { action: string; fromStatus: string | null; toStatus: string | null; now: Date }): Promise<void> {
    const about = { caseId: record.id, caseNo: record.caseNo, serviceItemCode: record.serviceItemCode, bundleCode: record.bundleCode };
    if (entry.fromStatus === null) {
      await this.webhooks.publish('case.submitted', record.id, { ...about, status: entry.toStatus });
      return;
    }
    if (entry.fromStatus === entry.toStatus) return;
    await this.webhooks.publish('case.status_changed', record.id, { ...about, action: entry.action, from: entry.fromStatus, to: entry.toStatus });
    if (record.finishedAt !== null) await this.webhooks.publish('case.finished', record.id, { ...about, status: entry.toStatus, finishedAt: new Date(record.finishedAt).toISOString() });
  }

  /**
   * Writes the case's columns; the version was already taken by `apply` (or is 1 for a new case), so it
   * is kept as is. Every change is followed by the risk monitor's check of this case (电子监察, event-driven).
   */
  private async save(record: CaseRecord): Promise<void> {
    // Once per case and transaction: the check reads the committed state, whatever came before it.
    const runner = this.txHost.tx.queryRunner;
    const checked = runner ? this.riskChecked.get(runner) : undefined;
    if (!checked?.has(record.id)) {
      if (runner) this.riskChecked.set(runner, (checked ?? new Set()).add(record.id));
      await this.outbox.enqueue({ name: JobName.RiskCheckCase, data: { caseId: record.id } });
    }
    const { id, version: _version, createdAt: _createdAt, ...fields } = record;
    await this.txHost.tx
      .createQueryBuilder()
      .update(CaseRecord)
      .set({ ...(fields as QueryDeepPartialEntity<CaseRecord>), version: () => 'version' })
      .where('id = :id', { id })
      .execute();
  }
}

/** Why the clock is stopped now, or null while it runs. */
export function pausedFor(clock: Clock): string | null {
  const last = clock.events.findLast((event) => event.type !== 'extended');
  return last?.type === 'paused' ? last.reason : null;
}

export function clockResult(result: ReturnType<typeof pause>): Clock {
  if (!result.ok) throw conflict(result.code, result.message);
  return result.clock;
}

/** End of office hours on the N-th working day after the one `now` counts toward. */
function slaEnd(workingDays: number, calendar: BusinessCalendar, now: Date): Date {
  const today = orBeyondHorizon(calendar.workingDayOf(now.toISOString()));
  const due = orBeyondHorizon(calendar.addWorkingDays(today.date, workingDays));
  return new Date(calendar.endOfOfficeHours(due.date));
}

function timerEnd(duration: { calendarDays: number } | { workingDays: number }, calendar: BusinessCalendar, now: Date): Date {
  if ('calendarDays' in duration) return new Date(now.getTime() + duration.calendarDays * 24 * 3600 * 1000);
  return slaEnd(duration.workingDays, calendar, now);
}

/** What of an event belongs in the timeline (the decision's details, not the time: that is the row's). */
function eventData(event: CaseEvent): Record<string, unknown> {
  const { type: _type, at: _at, ...rest } = event as CaseEvent & Record<string, unknown>;
  return rest;
}

/** Who hears of a case's progress: the applicant, and the agent who applied for them (代办). */
export const recipientsOf = (record: Pick<CaseRecord, 'applicantId' | 'agentId'>): string[] => (record.agentId ? [record.applicantId, record.agentId] : [record.applicantId]);
