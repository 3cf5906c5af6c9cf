import { forbidden } from '../http/problem.js';
import type { CaseRecord } from './case.entity.js';

/** The people a case belongs to or was made by: none of them may work it as staff (回避). */
export interface CaseParties {
  applicantId: string;
  /** The agent who applied on the applicant's behalf (代办, `onBehalfOf`). */
  agentId?: string | null;
  /** The counter clerk who entered the application for a walk-in applicant (窗口代录). */
  enteredBy?: string | null;
}

export type ConflictingRole = 'applicant' | 'agent' | 'counter clerk';

/** Why `staffId` must stay out of the case, or null when they may work it. */
export function conflictOfInterest(staffId: string, parties: CaseParties): ConflictingRole | null {
  if (parties.applicantId === staffId) return 'applicant';
  if (parties.agentId === staffId) return 'agent';
  if (parties.enteredBy === staffId) return 'counter clerk';
  return null;
}

/** The parties of a stored case: every task action and extension refuses each of them. */
export const partiesOf = (record: Pick<CaseRecord, 'applicantId'> & Partial<Pick<CaseRecord, 'agentId' | 'enteredBy'>>): CaseParties => ({
  applicantId: record.applicantId,
  agentId: record.agentId ?? null,
  enteredBy: record.enteredBy ?? null,
});

/** A 403 `code` when the staff member is a party to the case; every staff action on a case goes through here. */
export function refuseConflictOfInterest(staffId: string, parties: CaseParties, code: 'task.conflict_of_interest' | 'case.conflict_of_interest'): void {
  const role = conflictOfInterest(staffId, parties);
  if (role) throw forbidden(code, `You are the ${role} of this case: a colleague must handle it (回避).`);
}
