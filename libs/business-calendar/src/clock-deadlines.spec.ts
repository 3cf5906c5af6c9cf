import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from './business-calendar.js';
import { extend, pause, resume, startClock, type Clock, type ClockResult } from './clock.js';
import { deadlines, status } from './clock-deadlines.js';
import { officialDaysFromChineseDays } from './official-days.js';

const calendar = BusinessCalendar.fromDays([...officialDaysFromChineseDays(2025), ...officialDaysFromChineseDays(2026)], {
  officialYears: [2025, 2026],
});

const unwrap = (result: ClockResult): Clock => {
  if (!result.ok) throw new Error(result.message);
  return result.clock;
};
const cst = (local: string) => `${local}+08:00`;
/** 17:00 China time on a date, as the deadlines are given. */
const due = (date: string) => new Date(cst(`${date}T17:00:00`)).toISOString();

// Accepted on Tuesday 10 February 2026, just before 春节 and its two make-up Saturdays.
const accepted = startClock(cst('2026-02-10T10:00:00'), { statutoryDays: 20, promisedDays: 10 });

describe('deadlines', () => {
  it('counts from the working day after acceptance, across 春节 and its make-up Saturdays', () => {
    expect(deadlines(accepted, calendar)).toEqual({
      ok: true,
      statutoryDeadline: due('2026-03-16'),
      promisedDeadline: due('2026-03-02'),
      provisional: false,
      paused: false,
      pausedWorkingDays: 0,
      extendedWorkingDays: 0,
    });
  });

  it('starts a day later for a case accepted after office hours', () => {
    const late = startClock(cst('2026-02-10T17:30:00'), { statutoryDays: 20, promisedDays: 10 });
    expect(deadlines(late, calendar)).toMatchObject({ promisedDeadline: due('2026-03-03'), statutoryDeadline: due('2026-03-17') });
  });

  it('moves both deadlines by the working days spent paused', () => {
    // paused Monday to Thursday: three working days
    const clock = unwrap(resume(unwrap(pause(accepted, cst('2026-03-02T10:00:00'), '补正')), cst('2026-03-05T10:00:00')));
    expect(deadlines(clock, calendar)).toMatchObject({
      promisedDeadline: due('2026-03-05'),
      statutoryDeadline: due('2026-03-19'),
      pausedWorkingDays: 3,
      paused: false,
    });
  });

  it('does not move for a pause over a weekend only', () => {
    const clock = unwrap(resume(unwrap(pause(accepted, cst('2026-03-06T17:30:00'), '公示')), cst('2026-03-09T08:30:00')));
    expect(deadlines(clock, calendar)).toMatchObject({ promisedDeadline: due('2026-03-02'), pausedWorkingDays: 0 });
  });

  it('reads an open pause up to the instant asked about', () => {
    const clock = unwrap(pause(accepted, cst('2026-02-12T10:00:00'), '补正'));
    expect(deadlines(clock, calendar)).toMatchObject({ paused: true, pausedWorkingDays: 0, promisedDeadline: due('2026-03-02') });
    // 12 Feb to 24 Feb: 13 Feb, the make-up Saturday 14 Feb, then 24 Feb after the holiday
    expect(deadlines(clock, calendar, cst('2026-02-24T09:00:00'))).toMatchObject({
      paused: true,
      pausedWorkingDays: 3,
      promisedDeadline: due('2026-03-05'),
    });
    // before the pause began, the clock was running
    expect(deadlines(clock, calendar, cst('2026-02-11T09:00:00'))).toMatchObject({ paused: false, pausedWorkingDays: 0 });
  });

  it('adds an approved extension (行政许可法 §42) to both limits', () => {
    const clock = unwrap(
      extend(accepted, { workingDays: 10, approvedBy: '局长 王五', reason: '需现场核查', at: cst('2026-03-10T09:00:00') }),
    );
    expect(deadlines(clock, calendar)).toMatchObject({
      statutoryDeadline: due('2026-03-30'),
      promisedDeadline: due('2026-03-16'),
      extendedWorkingDays: 10,
    });
  });

  it('says provisional when the deadline is counted over a year without a notice', () => {
    // accepted on a Sunday: counted from Monday 21 December; 2027-01-01 is 元旦 by statute
    const clock = startClock(cst('2026-12-20T10:00:00'), { statutoryDays: 20, promisedDays: 5 });
    expect(deadlines(clock, calendar)).toMatchObject({
      ok: true,
      promisedDeadline: due('2026-12-28'),
      statutoryDeadline: due('2027-01-19'),
      provisional: true,
    });
  });

  it('refuses a deadline beyond the horizon, naming the year', () => {
    const clock = startClock(cst('2028-12-20T10:00:00'), { statutoryDays: 20, promisedDays: 5 });
    expect(deadlines(clock, calendar)).toMatchObject({ ok: false, code: 'calendar.beyond_horizon', year: 2029 });
    expect(status(clock, calendar, cst('2028-12-22T10:00:00'))).toMatchObject({ ok: true, status: 'green', provisional: true });
  });
});

describe('status', () => {
  it.each([
    ['2026-02-10T10:30:00', 'green', 0],
    ['2026-02-26T10:00:00', 'green', 7],
    ['2026-02-27T10:00:00', 'yellow', 8], // 80% of the promised 10 days used
    ['2026-03-02T16:59:00', 'yellow', 10], // deadline day
    ['2026-03-02T17:00:00', 'red', 11], // office closed on the deadline day
    ['2026-03-07T10:00:00', 'red', 15],
  ])('at %s is %s with %i working days used', (at, expected, used) => {
    expect(status(accepted, calendar, cst(at))).toMatchObject({ ok: true, status: expected, usedWorkingDays: used });
  });

  it('turns yellow on the remaining-days rule alone when the ratio is switched off', () => {
    const noRatio = { yellowUsedRatio: 1 };
    expect(status(accepted, calendar, cst('2026-02-27T10:00:00'), noRatio)).toMatchObject({ status: 'green', remainingWorkingDays: 2 });
    // the make-up Saturday counts: one working day left after it
    expect(status(accepted, calendar, cst('2026-02-28T10:00:00'), noRatio)).toMatchObject({ status: 'yellow', remainingWorkingDays: 1 });
    expect(status(accepted, calendar, cst('2026-02-26T10:00:00'), { ...noRatio, yellowRemainingDays: 3 })).toMatchObject({
      status: 'yellow',
    });
  });

  it('gives a step its own SLA', () => {
    const step = startClock(cst('2026-03-02T09:00:00'), { statutoryDays: 3 });
    expect(status(step, calendar, cst('2026-03-03T09:00:00'))).toMatchObject({ status: 'green', remainingWorkingDays: 2 });
    expect(status(step, calendar, cst('2026-03-05T09:00:00'))).toMatchObject({ status: 'yellow', remainingWorkingDays: 0 });
    expect(status(step, calendar, cst('2026-03-06T09:00:00'))).toMatchObject({ status: 'red', remainingWorkingDays: -1 });
  });

  it('holds still while paused', () => {
    const clock = unwrap(pause(accepted, cst('2026-02-26T10:00:00'), '专家评审'));
    expect(status(clock, calendar, cst('2026-03-20T10:00:00'))).toMatchObject({ status: 'green', usedWorkingDays: 7 });
  });
});

describe('clock properties', () => {
  const start = Date.parse(cst('2025-01-01T00:00:00'));
  const end = Date.parse(cst('2027-12-31T00:00:00'));
  const hour = 3_600_000;
  const instant = fc.integer({ min: start, max: end });
  const limits = fc.record({ statutoryDays: fc.integer({ min: 0, max: 60 }), promisedDays: fc.integer({ min: 0, max: 60 }) });
  /** Gaps between successive events, up to a month each. */
  const gaps = fc.array(fc.integer({ min: 0, max: 30 * 24 * hour }), { maxLength: 6 });

  /** A clock that alternates pause and resume at the given gaps, with an extension now and then. */
  function clockWith(acceptedAt: number, limit: { statutoryDays: number; promisedDays: number }, steps: number[]): Clock {
    let clock = startClock(new Date(acceptedAt), limit);
    let at = acceptedAt;
    steps.forEach((gap, i) => {
      at += gap;
      const when = new Date(at);
      clock = unwrap(i % 2 === 0 ? pause(clock, when, '补正') : resume(clock, when));
      if (i === 3) clock = unwrap(extend(clock, { workingDays: 5, approvedBy: '王五', reason: '复杂', at: when }));
    });
    return clock;
  }

  it('pausing never brings a deadline earlier', () => {
    fc.assert(
      fc.property(instant, limits, gaps, fc.nat(20 * 24 * hour), fc.nat(20 * 24 * hour), (acceptedAt, limit, steps, wait, length) => {
        const clock = clockWith(acceptedAt, limit, steps.length % 2 === 0 ? steps : steps.slice(1));
        const lastAt = Date.parse(clock.events.at(-1)?.at ?? clock.acceptedAt);
        const withPause = unwrap(resume(unwrap(pause(clock, new Date(lastAt + wait), '听证')), new Date(lastAt + wait + length)));
        const before = deadlines(clock, calendar);
        const after = deadlines(withPause, calendar);
        if (!before.ok || !after.ok) throw new Error('inside the horizon');
        expect(after.statutoryDeadline >= before.statutoryDeadline).toBe(true);
        expect(after.promisedDeadline >= before.promisedDeadline).toBe(true);
      }),
    );
  });

  it('a clock paused for its whole life never goes red', () => {
    fc.assert(
      fc.property(instant, limits, fc.nat(300 * 24 * hour), (acceptedAt, limit, later) => {
        const clock = unwrap(pause(startClock(new Date(acceptedAt), limit), new Date(acceptedAt), '补正'));
        const reading = status(clock, calendar, new Date(acceptedAt + later));
        expect(reading).toMatchObject({ ok: true, usedWorkingDays: 0 });
        if (reading.ok) expect(reading.status).not.toBe('red');
      }),
    );
  });

  it('is red exactly from the earlier deadline on', () => {
    fc.assert(
      fc.property(instant, limits, gaps, fc.nat(120 * 24 * hour), (acceptedAt, limit, steps, later) => {
        const clock = clockWith(acceptedAt, limit, steps);
        const at = new Date(acceptedAt + later);
        const reading = status(clock, calendar, at);
        const due = deadlines(clock, calendar, at);
        if (!reading.ok || !due.ok) throw new Error('inside the horizon');
        const earlier = [due.statutoryDeadline, due.promisedDeadline].sort()[0];
        expect(reading.status === 'red').toBe(at.toISOString() >= earlier);
      }),
    );
  });
});
