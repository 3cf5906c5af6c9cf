import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { JOINT_ACTIONS, findStep, openTasks, participantsFor, type TaskOpening } from '@app/workflow-engine';
import { CalendarService } from '../calendar/calendar.service.js';
import { bundleStatus, isFinal } from '../cases/bundle-status.js';
import { CaseEngine, SYSTEM, type EngineInput } from '../cases/case-engine.service.js';
import { CaseTaskStore } from '../cases/case-task.store.js';
import { CaseStore } from '../cases/case.store.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { CertificatesService } from '../certificates/certificates.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { JobName, type JobPayloads } from '../queue/queue-names.js';
import { ClockService } from '../time/clock.service.js';

/**
 * The `joint-approval` queue: 联办 and 一件事. Each job reloads what it acts on and does nothing unless
 * the state still expects it, so a job delivered twice, or a worker killed half-way and its job run
 * again, changes nothing more than one clean run.
 */
@Injectable()
export class JointApprovalJobs {
  constructor(
    private readonly cases: CaseStore,
    private readonly tasks: CaseTaskStore,
    private readonly catalog: CatalogService,
    private readonly certificates: CertificatesService,
    private readonly engine: CaseEngine,
    private readonly calendars: CalendarService,
    private readonly notifications: NotificationsService,
    private readonly clock: ClockService,
  ) {}

  /** Opens one task per participant still deciding; tasks that exist already are left alone. */
  @JobHandler(JobName.JointFanOut)
  @Transactional()
  async fanOut({ caseId, stepId }: JobPayloads[JobName.JointFanOut]): Promise<number | 'skipped'> {
    const record = await this.cases.get(caseId);
    const activity = record?.engineState?.activity;
    if (!record || activity?.kind !== 'joint' || activity.stepId !== stepId) return 'skipped';
    const step = findStep(await this.engine.definitionOf(record), stepId);
    if (step?.type !== 'joint') return 'skipped';
    const slaOf = new Map(participantsFor(step).map((p) => [p.department, p.sla]));
    const openings: TaskOpening[] = activity.participants.flatMap((participant) =>
      participant.status === 'deciding'
        ? [{ task: participant.task, sla: slaOf.get(participant.department), allowedActions: JOINT_ACTIONS }]
        : [],
    );
    return this.engine.openTasks(record, openings, await this.calendars.calendar(), this.clock.now());
  }

  /**
   * Applies a participant's recorded decision to the case, where the engine evaluates the join. Several
   * departments deciding at once each get their answer at once; their decisions reach the case one after
   * another here (a concurrent change makes the job retry).
   */
  @JobHandler(JobName.JointApplyDecision)
  @Transactional()
  async applyDecision({ taskId }: JobPayloads[JobName.JointApplyDecision]): Promise<'applied' | 'skipped'> {
    const task = await this.tasks.get(taskId);
    if (!task || task.status !== 'decided' || !task.decision) return 'skipped';
    // Departments decide at once: their jobs take the case in turn (each reads what the previous applied)
    // instead of all reading one version and all but one failing the engine's optimistic claim and retrying.
    const record = await this.cases.locked(task.caseId);
    if (!record) return 'skipped';
    if (!record.engineState || !openTasks(record.engineState).some((open) => open.id === taskId)) {
      // The join was decided without this vote: keep the vote, close the task as the clerk decided it.
      await this.tasks.complete(taskId, task.decision.action);
      return 'skipped';
    }
    const { decision } = task;
    const input: EngineInput =
      decision.action === 'correction' ? { type: 'correction', taskId, missing: decision.missing } : { type: decision.action, taskId };
    await this.engine.apply(record, input, { id: decision.actorId, name: decision.actorName }, { comment: decision.comment });
    return 'applied';
  }

  /**
   * A child of a bundle finished. With `fail-bundle`, a refused or rejected item ends the other open items;
   * when every item is finished the parent finishes and the applicant gets all the licences in one notice.
   */
  @JobHandler(JobName.BundleProgress)
  @Transactional()
  async bundleProgress({ parentId }: JobPayloads[JobName.BundleProgress]): Promise<'finished' | 'progressed' | 'skipped'> {
    const parent = await this.cases.locked(parentId);
    if (!parent || parent.finishedAt) return 'skipped';
    const bundle = await this.catalog.bundleOrNull(parent.bundleCode ?? '');
    let children = await this.cases.children(parentId);
    const failed = children.some((child) => child.status === 'rejected' || child.status === 'refused');
    if (bundle?.failurePolicy === 'fail-bundle' && failed) {
      for (const child of children.filter((c) => !isFinal(c.status))) {
        await this.engine.apply(child, { type: 'withdraw' }, SYSTEM, { comment: '一件事中有事项未获批准，按一件事规则终止其余事项' });
      }
      children = await this.cases.children(parentId);
    }
    const before = parent.status;
    parent.status = bundleStatus(children.map((child) => child.status));
    if (!children.every((child) => isFinal(child.status))) {
      if (parent.status !== before) await this.engine.record(parent, SYSTEM, 'bundle_progress', {}, this.clock.now(), before);
      return 'progressed';
    }
    const now = this.clock.now();
    parent.finishedAt = now;
    const certificates = await this.certificates.forCases(children.map((c) => c.id));
    await this.engine.record(parent, SYSTEM, 'bundle_finished', { data: { items: children.map((c) => ({ caseNo: c.caseNo, status: c.status })) } }, now, before);
    await this.notifications.notify({
      recipientId: parent.applicantId,
      template: 'case.bundle_finished',
      data: { caseNo: parent.caseNo, status: parent.status, certificates: certificates.map((c) => ({ code: c.code, name: c.name })) },
    });
    return 'finished';
  }
}
