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
