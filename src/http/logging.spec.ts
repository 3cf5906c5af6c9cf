import { describe, expect, it } from 'vitest';
import { scrubIdentifiers } from './logging.js';

describe('scrubIdentifiers', () => {
  it('masks ID numbers and credit codes inside URLs', () => {
    expect(scrubIdentifiers('/api/benefit-grants?idNumber=22010219400101123X')).toBe('/api/benefit-grants?idNumber=220***********123X');
    expect(scrubIdentifiers('uscc=91220102MA17ABCD3K')).toBe('uscc=9122**********CD3K');
  });

  it('leaves ordinary text alone', () => {
    expect(scrubIdentifiers('/api/cases/NG2026-0001-000123')).toBe('/api/cases/NG2026-0001-000123');
  });
});
