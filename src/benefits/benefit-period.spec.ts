import { describe, expect, it } from 'vitest';
import { periodKey } from './benefit-period.js';

describe('periodKey', () => {
  it('names the month, quarter, year, or once', () => {
    expect(periodKey('monthly', '2026-11-30')).toBe('2026-11');
    expect(periodKey('quarterly', '2026-01-01')).toBe('2026-Q1');
    expect(periodKey('quarterly', '2026-12-31')).toBe('2026-Q4');
    expect(periodKey('yearly', '2026-07-15')).toBe('2026');
    expect(periodKey('once', '2026-07-15')).toBe('once');
  });
});
