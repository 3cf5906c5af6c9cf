import { describe, expect, it } from 'vitest';
import { caseNumberScope, formatCaseNo } from './case-number.js';

describe('case numbers', () => {
  it('carry the year, the item and a padded sequence', () => {
    expect(formatCaseNo(2026, caseNumberScope('2201-SC-0001', null), 123)).toBe('NG2026-SC0001-000123');
  });

  it('name bundles apart from items', () => {
    expect(caseNumberScope(null, 'open-restaurant')).toBe('BOPENRESTAURANT');
  });
});
