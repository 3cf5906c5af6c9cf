import { chinaMidnight, isLocalDate } from '@app/business-calendar';

/** The end of a China date: an authorisation "until 2027-06-30" holds through that whole day. Invalid for a date that does not exist. */
export const endOfChinaDay = (date: string) => (isLocalDate(date) ? new Date(chinaMidnight(date, true).getTime() - 1) : new Date(NaN));

export type AuthorisationStatus = 'active' | 'expired' | 'revoked';

export function authorisationStatus(row: { revokedAt: Date | null; validUntil: Date }, now: Date): AuthorisationStatus {
  if (row.revokedAt) return 'revoked';
  return row.validUntil.getTime() <= now.getTime() ? 'expired' : 'active';
}

export type Refusal = 'agent.not_authorised' | 'agent.authorisation_expired' | 'agent.authorisation_revoked' | 'agent.item_not_authorised';

/**
 * Whether an agent holding these authorisations (of one principal) may apply now for every item listed;
 * null when one authorisation covers it, else the most telling reason why not.
 */
export function refusal(
  rows: readonly { revokedAt: Date | null; validUntil: Date; serviceItemCodes: string[] | null }[],
  itemCodes: readonly string[],
  now: Date,
): Refusal | null {
  const active = rows.filter((row) => authorisationStatus(row, now) === 'active');
  if (active.some((row) => row.serviceItemCodes === null || itemCodes.every((code) => row.serviceItemCodes!.includes(code)))) return null;
  if (active.length > 0) return 'agent.item_not_authorised';
  if (rows.some((row) => authorisationStatus(row, now) === 'expired')) return 'agent.authorisation_expired';
  if (rows.some((row) => row.revokedAt)) return 'agent.authorisation_revoked';
  return 'agent.not_authorised';
}
