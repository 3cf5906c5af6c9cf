/** Task decisions: the history actions only staff take, so an applicant's answer never counts as the clerk's. */
export const STAFF_DECISIONS: readonly string[] = ['accept', 'refuse', 'correction', 'approve', 'reject', 'transfer'];

/** Statuses of a decided case: refused cases were never accepted, withdrawn ones never decided. */
export const DECIDED_STATUSES: readonly string[] = ['approved', 'rejected', 'completed'];
