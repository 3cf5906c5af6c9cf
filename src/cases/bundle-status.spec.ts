import { describe, expect, it } from 'vitest';
import { bundleStatus } from './bundle-status.js';

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
