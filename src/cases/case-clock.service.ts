import { Injectable } from '@nestjs/common';
import { TransactionHost, Transactional } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { extend, isPaused, pause, resume } from '@app/business-calendar';
import type { Caller } from '../auth/auth.decorators.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { conflict } from '../http/problem.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ClockService } from '../time/clock.service.js';
import { CaseEngine, clockResult, pausedFor } from './case-engine.service.js';
import type { CaseRecord } from './case.entity.js';

/** Reasons a clerk may stop the clock for (专家评审, 听证, 现场勘验, 检验检测): time the law does not count. */
export const CLERK_PAUSE_REASONS = ['expert_review', 'hearing', 'inspection', 'testing'] as const;
export type ClerkPauseReason = (typeof CLERK_PAUSE_REASONS)[number];

/**
 * What people do to a case's clock besides the workflow: a clerk stops it for an expert review or a
 * hearing and starts it again; a supervisor approves an extension (延期, 行政许可法 §42). Each is a
 * history row; the deadlines are stored again at once.
 */
@Injectable()
export class CaseClockService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly engine: CaseEngine,
    private readonly calendars: CalendarService,
    private readonly notifications: NotificationsService,
    private readonly clock: ClockService,
  ) {}

  @Transactional()
  async pause(record: CaseRecord, caller: Caller, reason: ClerkPauseReason, comment: string): Promise<CaseRecord> {
    const running = this.running(record);
    if (isPaused(running)) throw conflict('clock.already_paused', 'The clock is already stopped.');
    const now = this.clock.now();
    record.clock = clockResult(pause(running, now.toISOString(), reason));
    return this.save(record, caller, 'clock_paused', { comment, data: { reason } }, now);
  }

  @Transactional()
  async resume(record: CaseRecord, caller: Caller, comment: string | null): Promise<CaseRecord> {
    const running = this.running(record);
    const reason = pausedFor(running);
    if (!reason || !(CLERK_PAUSE_REASONS as readonly string[]).includes(reason)) {
      throw conflict('clock.not_paused_by_clerk', 'The clock is not stopped for an expert review or hearing.');
    }
    const now = this.clock.now();
    record.clock = clockResult(resume(running, now.toISOString()));
    return this.save(record, caller, 'clock_resumed', { comment, data: { reason } }, now);
  }

  @Transactional()
  async extend(record: CaseRecord, caller: Caller, workingDays: number, reason: string): Promise<CaseRecord> {
    const running = this.running(record);
    const now = this.clock.now();
    record.clock = clockResult(extend(running, { workingDays, approvedBy: caller.displayName, reason, at: now.toISOString() }));
    const saved = await this.save(record, caller, 'deadline_extended', { comment: reason, data: { workingDays, approvedBy: caller.id } }, now);
    await this.notifications.notify({
      recipientId: record.applicantId,
      template: 'case.deadline_extended',
      data: { caseNo: record.caseNo, workingDays, statutoryDeadline: record.statutoryDeadline?.toISOString() },
    });
    return saved;
  }

  private running(record: CaseRecord) {
    if (!record.clock || record.finishedAt) throw conflict('clock.not_running', 'The case has no running clock (not accepted yet, or finished).');
    return record.clock;
  }

  private async save(record: CaseRecord, caller: Caller, action: string, note: { comment: string | null; data: Record<string, unknown> }, now: Date): Promise<CaseRecord> {
    this.engine.refreshDeadlines(record, await this.calendars.calendar(), now);
    await this.engine.applyOutsideWorkflow(record, { id: caller.id, name: caller.displayName }, action, note, now);
    return record;
  }
}
