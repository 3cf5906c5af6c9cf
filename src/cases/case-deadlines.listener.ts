import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { deadlines } from '@app/business-calendar';
import { OnCalendarChange, type CalendarChangeEvent } from '../calendar/calendar-listeners.js';
import { orBeyondHorizon } from '../calendar/calendar-problems.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ClockService } from '../time/clock.service.js';
import { CaseEngine, SYSTEM } from './case-engine.service.js';
import { CaseRecord } from './case.entity.js';

/**
 * When the calendar changes (a year's official notice replaces the provisional days, or an admin
 * override), every open case whose counting touched the changed days gets its deadlines recomputed in
 * the same transaction, a history row, and — if a date moved — a notice to the applicant.
 */
@Injectable()
export class CaseDeadlinesListener {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly engine: CaseEngine,
    private readonly notifications: NotificationsService,
    private readonly clock: ClockService,
  ) {}

  @OnCalendarChange()
  async recompute(event: CalendarChangeEvent): Promise<number> {
    const affected = await this.txHost.tx
      .getRepository(CaseRecord)
      .createQueryBuilder('c')
      .where('c.finishedAt IS NULL AND c.clock IS NOT NULL')
      .andWhere(`(c.acceptedAt AT TIME ZONE 'Asia/Shanghai')::date <= :to`, { to: event.to })
      // A paused clock's deadlines keep moving, so its stored ones may lie before the change and still be affected.
      .andWhere(`((greatest(c.statutoryDeadline, c.promisedDeadline) AT TIME ZONE 'Asia/Shanghai')::date >= :from OR c.clockPaused)`, { from: event.from })
      .setLock('pessimistic_write')
      .getMany();
    const now = this.clock.now();
    let recomputed = 0;
    for (const record of affected) {
      // Both readings at the same instant: only the calendar differs, not the time that passed.
      const previous = deadlines(record.clock!, event.previous, now.toISOString());
      const reading = orBeyondHorizon(deadlines(record.clock!, event.current, now.toISOString()));
      const before = previous.ok
        ? { statutory: previous.statutoryDeadline, promised: previous.promisedDeadline, provisional: previous.provisional }
        : { statutory: null, promised: null, provisional: true };
      const after = { statutory: reading.statutoryDeadline, promised: reading.promisedDeadline, provisional: reading.provisional };
      if (before.statutory === after.statutory && before.promised === after.promised && before.provisional === after.provisional) continue;
      record.statutoryDeadline = new Date(reading.statutoryDeadline);
      record.promisedDeadline = new Date(reading.promisedDeadline);
      record.deadlinesProvisional = reading.provisional;
      await this.engine.record(record, SYSTEM, 'deadlines_recomputed', {
        comment: `工作日历变更（版本 ${event.version}）`,
        data: { before, after, calendarVersion: event.version },
      });
      if (before.statutory !== after.statutory || before.promised !== after.promised) {
        await this.notifications.notify({
          recipientId: record.applicantId,
          template: 'case.deadlines_changed',
          data: { caseNo: record.caseNo, statutoryDeadline: after.statutory, promisedDeadline: after.promised },
        });
      }
      recomputed += 1;
    }
    return recomputed;
  }
}
