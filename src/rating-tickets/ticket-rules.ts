/**
 * 好差评 follow-up (国办发〔2019〕51号): the five levels of a rating, which ratings open a 差评 ticket, and
 * what each step of the ticket may do next. Pure: the service loads a ticket, asks here, writes the answer.
 */

/** The five levels, best first. Labels are what the pages and the API documentation show. */
export const RATING_LEVELS = [
  { score: 5, label: '非常满意' },
  { score: 4, label: '满意' },
  { score: 3, label: '基本满意' },
  { score: 2, label: '不满意' },
  { score: 1, label: '非常不满意' },
] as const;

export const ratingLabel = (score: number): string => RATING_LEVELS.find((level) => level.score === score)?.label ?? String(score);

/** 不满意 and 非常不满意 are 差评: each opens one follow-up ticket. */
export const opensTicket = (score: number): boolean => score <= 2;

/** A 差评 is followed up (回访, 整改) within 15 working days of the rating. */
export const FOLLOW_UP_WORKING_DAYS = 15;

export const TICKET_STATUSES = ['open', 'visited', 'rectified', 'closed', 'appealed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** How a closed ticket ended: worked and closed, or the rating found malicious on appeal. */
export const TICKET_OUTCOMES = ['resolved', 'appeal_upheld'] as const;
export type TicketOutcome = (typeof TICKET_OUTCOMES)[number];

export interface TicketState {
  status: TicketStatus;
  /** The status the ticket had when it was appealed: a rejected appeal goes back to it. */
  appealedFrom: TicketStatus | null;
  /** Whether the department has appealed once already (one appeal per ticket). */
  appealed: boolean;
}

export type TicketAction = { type: 'visit' } | { type: 'rectify' } | { type: 'close' } | { type: 'appeal' } | { type: 'decide-appeal'; upheld: boolean };

export type TicketStep =
  | { ok: true; state: TicketState; outcome: TicketOutcome | null }
  | { ok: false; code: string; detail: string };

const refuse = (code: string, detail: string): TicketStep => ({ ok: false, code, detail });

/** The ticket after `action`, or why it cannot be done (a 409 for the caller). */
export function nextTicketState(state: TicketState, action: TicketAction): TicketStep {
  if (state.status === 'closed') return refuse('rating_ticket.closed', 'This ticket is closed.');
  if (state.status === 'appealed' && action.type !== 'decide-appeal') return refuse('rating_ticket.under_appeal', 'The appeal against this rating awaits a supervisor’s decision.');
  const to = (status: TicketStatus, outcome: TicketOutcome | null = null, appealedFrom: TicketStatus | null = state.appealedFrom): TicketStep => ({
    ok: true,
    state: { status, appealedFrom, appealed: state.appealed || action.type === 'appeal' },
    outcome,
  });
  switch (action.type) {
    case 'visit':
      // A further 回访 keeps a rectified ticket rectified.
      return to(state.status === 'open' ? 'visited' : state.status);
    case 'rectify':
      if (state.status === 'open') return refuse('rating_ticket.not_visited', 'Record the 回访 with the applicant before the 整改.');
      return to('rectified');
    case 'close':
      if (state.status !== 'rectified') return refuse('rating_ticket.not_rectified', 'A ticket is closed once its 整改 is recorded.');
      return to('closed', 'resolved');
    case 'appeal':
      if (state.appealed) return refuse('rating_ticket.already_appealed', 'This rating has been appealed once already.');
      return to('appealed', null, state.status);
    case 'decide-appeal':
      if (state.status !== 'appealed') return refuse('rating_ticket.not_appealed', 'There is no appeal to decide.');
      return action.upheld ? to('closed', 'appeal_upheld', null) : to(state.appealedFrom ?? 'open', null, null);
  }
}
