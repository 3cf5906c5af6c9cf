import { describe, expect, it } from 'vitest';
import { RATING_LEVELS, nextTicketState, opensTicket, ratingLabel, type TicketAction, type TicketState } from './ticket-rules.js';

const fresh: TicketState = { status: 'open', appealedFrom: null, appealed: false };

function run(...actions: TicketAction[]): { ok: boolean; state: TicketState; code?: string } {
  let state = fresh;
  for (const action of actions) {
    const step = nextTicketState(state, action);
    if (!step.ok) return { ok: false, state, code: step.code };
    state = step.state;
  }
  return { ok: true, state };
}

describe('rating levels', () => {
  it('names the five levels from 非常满意 (5) to 非常不满意 (1), and only 1 and 2 open a ticket', () => {
    expect(RATING_LEVELS.map((level) => `${level.score}:${level.label}`)).toEqual(['5:非常满意', '4:满意', '3:基本满意', '2:不满意', '1:非常不满意']);
    expect([1, 2, 3, 4, 5].filter(opensTicket)).toEqual([1, 2]);
    expect(ratingLabel(1)).toBe('非常不满意');
  });
});

describe('a 差评 ticket', () => {
  it('goes 回访 → 整改 → closed, resolved', () => {
    const step = nextTicketState(run({ type: 'visit' }, { type: 'rectify' }).state, { type: 'close' });
    expect(step).toEqual({ ok: true, state: { status: 'closed', appealedFrom: null, appealed: false }, outcome: 'resolved' });
  });

  it('refuses a 整改 before the 回访, and closing before the 整改', () => {
    expect(run({ type: 'rectify' })).toMatchObject({ ok: false, code: 'rating_ticket.not_visited' });
    expect(run({ type: 'close' })).toMatchObject({ ok: false, code: 'rating_ticket.not_rectified' });
    expect(run({ type: 'visit' }, { type: 'close' })).toMatchObject({ ok: false, code: 'rating_ticket.not_rectified' });
  });

  it('keeps a rectified ticket rectified after a further visit', () => {
    expect(run({ type: 'visit' }, { type: 'rectify' }, { type: 'visit' })).toMatchObject({ ok: true, state: { status: 'rectified' } });
  });

  it('on appeal waits for the decision; upheld closes it as appeal_upheld', () => {
    expect(run({ type: 'appeal' }, { type: 'visit' })).toMatchObject({ ok: false, code: 'rating_ticket.under_appeal' });
    expect(run({ type: 'appeal' }, { type: 'close' })).toMatchObject({ ok: false, code: 'rating_ticket.under_appeal' });
    const appealed = run({ type: 'appeal' }).state;
    expect(nextTicketState(appealed, { type: 'decide-appeal', upheld: true })).toMatchObject({ ok: true, state: { status: 'closed' }, outcome: 'appeal_upheld' });
  });

  it('after a rejected appeal goes back to where it was, and cannot be appealed again', () => {
    expect(run({ type: 'visit' }, { type: 'appeal' }, { type: 'decide-appeal', upheld: false })).toMatchObject({ ok: true, state: { status: 'visited', appealed: true } });
    expect(run({ type: 'appeal' }, { type: 'decide-appeal', upheld: false }, { type: 'appeal' })).toMatchObject({ ok: false, code: 'rating_ticket.already_appealed' });
  });

  it('refuses a decision without an appeal, and everything once closed', () => {
    expect(run({ type: 'decide-appeal', upheld: true })).toMatchObject({ ok: false, code: 'rating_ticket.not_appealed' });
    for (const action of [{ type: 'visit' }, { type: 'rectify' }, { type: 'close' }, { type: 'appeal' }, { type: 'decide-appeal', upheld: false }] as TicketAction[]) {
      expect(run({ type: 'appeal' }, { type: 'decide-appeal', upheld: true }, action)).toMatchObject({ ok: false, code: 'rating_ticket.closed' });
    }
  });
});
