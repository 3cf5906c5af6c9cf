import { describe, expect, it } from 'vitest';
import { extend, isPaused, pause, resume, startClock, type Clock, type ClockResult } from './clock.js';

const unwrap = (result: ClockResult): Clock => {
  if (!result.ok) throw new Error(result.message);
  return result.clock;
};

const accepted = startClock('2026-03-02T10:00:00+08:00', { statutoryDays: 20, promisedDays: 10 });

describe('clock transitions', () => {
  it('starts with both limits, stored as UTC', () => {
    expect(accepted).toEqual({ acceptedAt: '2026-03-02T02:00:00.000Z', statutoryDays: 20, promisedDays: 10, events: [] });
    expect(startClock('2026-03-02T02:00:00Z', { statutoryDays: 3 })).toMatchObject({ statutoryDays: 3, promisedDays: 3 });
    expect(() => startClock('2026-03-02T02:00:00Z', { statutoryDays: -1 })).toThrow(RangeError);
  });

  it('pauses and resumes any number of times, leaving the earlier clock untouched', () => {
    const paused = unwrap(pause(accepted, '2026-03-03T02:00:00Z', '补正'));
    const resumed = unwrap(resume(paused, '2026-03-05T02:00:00Z'));
    const pausedAgain = unwrap(pause(resumed, '2026-03-06T02:00:00Z', '专家评审'));
    expect([isPaused(accepted), isPaused(paused), isPaused(resumed), isPaused(pausedAgain)]).toEqual([false, true, false, true]);
    expect(accepted.events).toEqual([]);
    expect(pausedAgain.events.map((event) => event.type)).toEqual(['paused', 'resumed', 'paused']);
  });

  it('refuses to pause a paused clock or resume a running one', () => {
    const paused = unwrap(pause(accepted, '2026-03-03T02:00:00Z', '补正'));
    expect(pause(paused, '2026-03-04T02:00:00Z', '听证')).toMatchObject({ ok: false, code: 'clock.already_paused' });
    expect(resume(accepted, '2026-03-04T02:00:00Z')).toMatchObject({ ok: false, code: 'clock.not_paused' });
  });

  it('refuses events earlier than the last one or than acceptance', () => {
    expect(pause(accepted, '2026-03-01T02:00:00Z', '补正')).toMatchObject({ ok: false, code: 'clock.out_of_order' });
    const paused = unwrap(pause(accepted, '2026-03-04T02:00:00Z', '补正'));
    expect(resume(paused, '2026-03-03T02:00:00Z')).toMatchObject({ ok: false, code: 'clock.out_of_order' });
  });

  it('records an extension with its approval, even while paused', () => {
    const paused = unwrap(pause(accepted, '2026-03-03T02:00:00Z', '公示'));
    const extension = { workingDays: 10, approvedBy: '局长 王五', reason: '情况复杂', at: '2026-03-04T02:00:00Z' };
    const extended = unwrap(extend(paused, extension));
    expect(extended.events.at(-1)).toEqual({ type: 'extended', ...extension, at: '2026-03-04T02:00:00.000Z' });
    expect(isPaused(extended)).toBe(true);
  });

  it('refuses an extension without days, approver or reason', () => {
    const at = '2026-03-04T02:00:00Z';
    expect(extend(accepted, { workingDays: 0, approvedBy: '王五', reason: '复杂', at })).toMatchObject({ code: 'clock.invalid_extension' });
    expect(extend(accepted, { workingDays: 10, approvedBy: ' ', reason: '复杂', at })).toMatchObject({ code: 'clock.invalid_extension' });
    expect(extend(accepted, { workingDays: 10, approvedBy: '王五', reason: '', at })).toMatchObject({ code: 'clock.invalid_extension' });
  });

  it('survives a JSON round trip', () => {
    const clock = unwrap(pause(accepted, '2026-03-03T02:00:00Z', '补正'));
    expect(JSON.parse(JSON.stringify(clock))).toEqual(clock);
  });
});
