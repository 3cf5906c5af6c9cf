/** The end of a China date: an authorisation "until 2027-06-30" holds through that whole day. */
export const endOfChinaDay = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

export const chinaDateOf = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

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
