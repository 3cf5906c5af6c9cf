import type { CaseStatus } from '@app/workflow-engine';

const FINAL: readonly CaseStatus[] = ['approved', 'rejected', 'refused', 'withdrawn', 'completed'];

export const isFinal = (status: CaseStatus) => FINAL.includes(status);

/**
 * A bundle's parent shows where the application as a whole stands: waiting for the applicant if any
 * item is, finished when every item is (completed if any item was granted), otherwise in progress.
 */
export function bundleStatus(children: readonly CaseStatus[]): CaseStatus {
  if (children.length === 0) return 'submitted';
  if (children.some((s) => s === 'awaiting_correction')) return 'awaiting_correction';
  if (children.every(isFinal)) {
    if (children.every((s) => s === 'withdrawn')) return 'withdrawn';
    if (children.some((s) => s === 'approved' || s === 'completed')) return 'completed';
    return children.some((s) => s === 'rejected') ? 'rejected' : 'refused';
  }
  if (children.every((s) => s === 'submitted')) return 'submitted';
  return 'in_review';
}

export interface ChildDeadlines {
  statutoryDeadline: Date | null;
  promisedDeadline: Date | null;
  deadlinesProvisional: boolean;
}

/**
 * A bundle's parent runs no clock of its own: the application as a whole is due when its last item is.
 * Each deadline is the latest of the children's (those not yet accepted have none yet); null while no
 * child has one. Provisional when any child's deadline it could be is.
 */
export function bundleDeadlines(children: readonly ChildDeadlines[]): { statutory: Date | null; promised: Date | null; provisional: boolean } {
  const latest = (pick: (c: ChildDeadlines) => Date | null) =>
    children.map(pick).reduce<Date | null>((max, d) => (d !== null && (max === null || d.getTime() > max.getTime()) ? d : max), null);
  const statutory = latest((c) => c.statutoryDeadline);
  const promised = latest((c) => c.promisedDeadline);
  return { statutory, promised, provisional: children.some((c) => c.deadlinesProvisional && (c.statutoryDeadline !== null || c.promisedDeadline !== null)) };
}
