import { describe, expect, it } from 'vitest';
import { caseNumberScope, formatCaseNo } from './case-number.js';

describe('case numbers', () => {
  it('carry the year, the item and a padded sequence', () => {
    expect(formatCaseNo(2026, caseNumberScope('2201-SC-0001', null), 123)).toBe('NG2026-SC0001-000123');
  });

  it('give every bundle the same short scope, apart from any item', () => {
    expect(caseNumberScope(null, 'open-restaurant')).toBe('YJS');
    expect(formatCaseNo(2026, caseNumberScope(null, 'open-beauty-salon'), 1)).toBe('NG2026-YJS-000001');
    expect(formatCaseNo(2026, caseNumberScope(null, 'open-beauty-salon'), 1)).toMatch(/^NG\d{4}-[A-Z]{2,3}\d{0,4}-\d{6}$/);
    expect(caseNumberScope('2201-YJS-0001', null)).not.toBe(caseNumberScope(null, 'x'));
  });
});
