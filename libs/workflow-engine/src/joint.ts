import type { Join } from './definition.js';
import type { NoticeItem, ParticipantProgress } from './state.js';

export type JointVerdict = 'approve' | 'reject';

/** How many approvals carry the step: `all` and `any` are the quorums m of m and 1 of m. */
export function approvalsNeeded(join: Join, participants: number): number {
  if (join === 'all') return participants;
  if (join === 'any') return 1;
  return join.quorum;
}

/**
 * The join's verdict as soon as it is certain, whatever the others still decide:
 * approve once enough approved, reject once too few can still approve. A participant
 * waiting for corrections may still approve.
 */
export function joinVerdict(join: Join, participants: readonly ParticipantProgress[]): JointVerdict | undefined {
  const needed = approvalsNeeded(join, participants.length);
  const approved = participants.filter((p) => p.status === 'approved').length;
  const rejected = participants.filter((p) => p.status === 'rejected').length;
  if (approved >= needed) return 'approve';
  if (participants.length - rejected < needed) return 'reject';
  return undefined;
}

export function someoneDeciding(participants: readonly ParticipantProgress[]): boolean {
  return participants.some((p) => p.status === 'deciding');
}

/**
 * 一次性告知 across departments: the items of every participant waiting for corrections,
 * gathered into one notice once nobody is still deciding, so that a department deciding
 * later cannot cause a second notice.
 */
export function combinedItems(participants: readonly ParticipantProgress[]): NoticeItem[] {
  return participants.flatMap((p) =>
    p.status === 'awaiting_correction' ? p.missing.map((item) => ({ ...item, department: p.department })) : [],
  );
}

export function replaceParticipant(
  participants: readonly ParticipantProgress[],
  progress: ParticipantProgress,
): readonly ParticipantProgress[] {
  return participants.map((p) => (p.department === progress.department ? progress : p));
}
