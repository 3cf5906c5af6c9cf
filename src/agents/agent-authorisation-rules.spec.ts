import { describe, expect, it } from 'vitest';
import { authorisationStatus, endOfChinaDay, refusal } from './agent-authorisation-rules.js';

const now = new Date('2026-12-06T04:00:00Z');
const until = (date: string) => endOfChinaDay(date);

describe('agent authorisations', () => {
  it('hold through the last day, China time', () => {
    expect(authorisationStatus({ revokedAt: null, validUntil: until('2026-12-06') }, now)).toBe('active');
    expect(authorisationStatus({ revokedAt: null, validUntil: until('2026-12-05') }, now)).toBe('expired');
    expect(authorisationStatus({ revokedAt: now, validUntil: until('2027-01-01') }, now)).toBe('revoked');
    expect(until('2026-12-06').toISOString()).toBe('2026-12-06T15:59:59.999Z');
  });

  it('end no day that does not exist (2027-02-30 is not 2 March)', () => {
    expect(Number.isNaN(until('2027-02-30').getTime())).toBe(true);
  });

  it('cover every item, or the items listed', () => {
    expect(refusal([{ revokedAt: null, validUntil: until('2027-01-01'), serviceItemCodes: null }], ['A', 'B'], now)).toBeNull();
    expect(refusal([{ revokedAt: null, validUntil: until('2027-01-01'), serviceItemCodes: ['A'] }], ['A'], now)).toBeNull();
    expect(refusal([{ revokedAt: null, validUntil: until('2027-01-01'), serviceItemCodes: ['A'] }], ['A', 'B'], now)).toBe('agent.item_not_authorised');
  });

  it('say why not: none, expired, revoked', () => {
    expect(refusal([], ['A'], now)).toBe('agent.not_authorised');
    expect(refusal([{ revokedAt: null, validUntil: until('2026-12-01'), serviceItemCodes: null }], ['A'], now)).toBe('agent.authorisation_expired');
    expect(refusal([{ revokedAt: now, validUntil: until('2027-12-01'), serviceItemCodes: null }], ['A'], now)).toBe('agent.authorisation_revoked');
  });
});
