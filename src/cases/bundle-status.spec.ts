import { describe, expect, it } from 'vitest';
import { bundleDeadlines, bundleStatus } from './bundle-status.js';

describe('bundleStatus', () => {
  it('waits for the applicant when any item does', () => {
    expect(bundleStatus(['in_review', 'awaiting_correction', 'approved'])).toBe('awaiting_correction');
  });

  it('is in review while some items are decided and others not', () => {
    expect(bundleStatus(['approved', 'in_review'])).toBe('in_review');
    expect(bundleStatus(['submitted', 'submitted'])).toBe('submitted');
  });

  it('finishes when every item has, completed if any was granted', () => {
    expect(bundleStatus(['approved', 'rejected'])).toBe('completed');
    expect(bundleStatus(['rejected', 'refused'])).toBe('rejected');
    expect(bundleStatus(['withdrawn', 'withdrawn'])).toBe('withdrawn');
  });
});

describe('bundleDeadlines', () => {
  const at = (iso: string) => new Date(iso);
  it("is due when the last item is: the latest of the children's deadlines", () => {
    expect(
      bundleDeadlines([
        { statutoryDeadline: at('2026-12-20T09:00:00Z'), promisedDeadline: at('2026-12-10T09:00:00Z'), deadlinesProvisional: false },
        { statutoryDeadline: at('2026-12-28T09:00:00Z'), promisedDeadline: at('2026-12-08T09:00:00Z'), deadlinesProvisional: false },
        { statutoryDeadline: null, promisedDeadline: null, deadlinesProvisional: false },
      ]),
    ).toEqual({ statutory: at('2026-12-28T09:00:00Z'), promised: at('2026-12-10T09:00:00Z'), provisional: false });
  });

  it('has none while no item has been accepted, and is provisional when a counted child is', () => {
    expect(bundleDeadlines([{ statutoryDeadline: null, promisedDeadline: null, deadlinesProvisional: true }])).toEqual({ statutory: null, promised: null, provisional: false });
    expect(bundleDeadlines([{ statutoryDeadline: at('2027-01-20T09:00:00Z'), promisedDeadline: null, deadlinesProvisional: true }]).provisional).toBe(true);
    expect(bundleDeadlines([])).toEqual({ statutory: null, promised: null, provisional: false });
  });
});
