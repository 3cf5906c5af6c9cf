import { BusinessCalendar, officialDaysFromChineseDays } from '@app/business-calendar';
import { describe, expect, it } from 'vitest';
import { WorkingTime } from '@app/business-calendar';
import { caseTimerMoments, type CaseTimerFacts } from './case-timers.js';

const calendar = BusinessCalendar.fromDays([...officialDaysFromChineseDays(2025), ...officialDaysFromChineseDays(2026)], { officialYears: [2025, 2026] });
const working = WorkingTime.of(calendar, [2025, 2026]);
const cst = (local: string) => new Date(`${local}+08:00`);
const thresholds = { unclaimedHours: 4, stalledHours: 16, yellowRemainingDays: 1 };

const open: CaseTimerFacts = {
  finished: false,
  clockPaused: false,
  hasServiceItem: true,
  lastEventAt: cst('2026-03-02T10:00:00'),
  statutoryDeadline: cst('2026-03-30T17:00:00'),
  promisedDeadline: cst('2026-03-16T17:00:00'),
  materialsOwed: [
    { key: 'licence', dueAt: cst('2026-03-09T17:00:00').toISOString(), deliveredAt: null },
    { key: 'map', dueAt: cst('2026-03-09T17:00:00').toISOString(), deliveredAt: cst('2026-03-03T10:00:00').toISOString() },
  ],
  openTasks: [{ id: 't1', dueAt: cst('2026-03-03T17:00:00'), createdAt: cst('2026-03-02T10:00:00'), claimed: false }],
};

const byKey = (facts: CaseTimerFacts) => Object.fromEntries(caseTimerMoments(facts, thresholds, working).map((t) => [t.key, t.dueAt]));

describe('caseTimerMoments', () => {
  it('times every SLA, deadline, 容缺 due date, unclaimed task and stall of an open case', () => {
    expect(byKey(open)).toEqual({
      'task:t1:due': cst('2026-03-03T17:00:00'),
      'task:t1:yellow': cst('2026-03-02T09:00:00'),
      'task:t1:unclaimed': cst('2026-03-02T14:00:00'),
      'deadline:statutory': cst('2026-03-30T17:00:00'),
      'deadline:statutory:yellow': cst('2026-03-27T09:00:00'),
      'deadline:promised': cst('2026-03-16T17:00:00'),
      'deadline:promised:yellow': cst('2026-03-13T09:00:00'),
      // 16 working hours after Monday 10:00: Wednesday 10:00.
      stalled: cst('2026-03-04T10:00:00'),
      'material:licence': cst('2026-03-09T17:00:00'),
    });
  });

  it('drops the deadlines and the stall while the clock is paused, the unclaimed timer once claimed, and everything once finished', () => {
    const paused = byKey({ ...open, clockPaused: true, openTasks: [{ ...open.openTasks[0]!, claimed: true }] });
    expect(Object.keys(paused).sort()).toEqual(['material:licence', 'task:t1:due', 'task:t1:yellow']);
    expect(caseTimerMoments({ ...open, finished: true }, thresholds, working)).toEqual([]);
  });

  it('leaves a moment beyond the calendar to the scheduled scan', () => {
    const far = byKey({ ...open, lastEventAt: cst('2030-01-01T10:00:00'), openTasks: [] });
    expect(far.stalled).toBeUndefined();
    expect(far['deadline:promised']).toEqual(cst('2026-03-16T17:00:00'));
  });
});
