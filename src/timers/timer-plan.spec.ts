import { describe, expect, it } from 'vitest';
import { planTimers } from './timer-plan.js';

const now = new Date('2026-12-01T02:00:00Z');
const at = (iso: string) => new Date(iso);

describe('planTimers', () => {
  it('starts the wanted timers still ahead and leaves those already pending at the same moment alone', () => {
    const plan = planTimers(
      [{ key: 'task:a', dueAt: at('2026-12-02T09:00:00Z') }],
      [
        { key: 'task:a', dueAt: at('2026-12-02T09:00:00Z') },
        { key: 'deadline:promised', dueAt: at('2026-12-10T09:00:00Z') },
        { key: 'material:licence', dueAt: at('2026-12-04T09:00:00Z') },
      ],
      now,
    );
    expect(plan.cancel).toEqual([]);
    expect(plan.fire).toEqual([]);
    expect(plan.start.map((t) => t.key)).toEqual(['material:licence', 'deadline:promised']);
  });

  it('cancels what is no longer wanted and restarts a timer whose moment moved', () => {
    const plan = planTimers(
      [
        { key: 'task:a', dueAt: at('2026-12-02T09:00:00Z') },
        { key: 'deadline:statutory', dueAt: at('2026-12-20T09:00:00Z') },
      ],
      [{ key: 'deadline:statutory', dueAt: at('2026-12-22T09:00:00Z') }],
      now,
    );
    expect(plan.cancel).toEqual(['deadline:statutory', 'task:a']);
    expect(plan.start).toEqual([{ key: 'deadline:statutory', dueAt: at('2026-12-22T09:00:00Z') }]);
  });

  it('never starts a moment that has passed', () => {
    const plan = planTimers([], [{ key: 'task:a', dueAt: at('2026-12-01T01:59:59Z') }, { key: 'task:b', dueAt: now }], now);
    expect(plan).toEqual({ start: [], fire: [], cancel: [] });
  });

  it('fires the pending timers whose moment has come (the check computing the plan covers them), cancels past ones no longer wanted', () => {
    const plan = planTimers(
      [
        { key: 'stalled', dueAt: at('2026-12-01T01:00:00Z') },
        { key: 'task:a:due', dueAt: now },
        { key: 'task:b:due', dueAt: at('2026-12-01T01:30:00Z') },
      ],
      [
        { key: 'stalled', dueAt: at('2026-12-01T01:00:00Z') },
        { key: 'task:a:due', dueAt: now },
      ],
      now,
    );
    expect(plan).toEqual({ start: [], fire: ['stalled', 'task:a:due'], cancel: ['task:b:due'] });
  });

  it('keeps the earlier of two moments wanted under one key, and ignores invalid dates', () => {
    const plan = planTimers([], [
      { key: 'k', dueAt: at('2026-12-05T00:00:00Z') },
      { key: 'k', dueAt: at('2026-12-03T00:00:00Z') },
      { key: 'bad', dueAt: new Date('nope') },
    ], now);
    expect(plan.start).toEqual([{ key: 'k', dueAt: at('2026-12-03T00:00:00Z') }]);
  });
});
