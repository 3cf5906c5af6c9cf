import { pauseClock } from './clock.js';
import { engineError, type EngineError } from './engine-error.js';
import type { CorrectionNotice, MissingItem, NoticeItem } from './state.js';
import type { Transition } from './transition.js';

/** A correction request must say what is missing: the notice is all the applicant gets. */
export function checkMissing(missing: unknown): EngineError | undefined {
  const valid =
    Array.isArray(missing) &&
    missing.length > 0 &&
    missing.every(
      (item: Partial<MissingItem> | null) =>
        typeof item?.key === 'string' && item.key !== '' && typeof item.reason === 'string',
    );
  if (valid) return undefined;
  return engineError('engine.invalid_event', 'a correction needs a non-empty list of missing items { key, reason }');
}

/** Sends the applicant the next correction notice and pauses the clock until the answer. */
export function issueNotice(t: Transition, stepId: string, items: readonly NoticeItem[]): CorrectionNotice {
  const round = t.state.correctionRounds + 1;
  const notice = { round, items };
  t.update({ correctionRounds: round });
  pauseClock(t, 'correction', stepId);
  t.emit({ type: 'notify', whom: 'applicant', template: 'correction_requested', data: notice });
  return notice;
}
