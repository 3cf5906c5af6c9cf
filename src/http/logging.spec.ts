import { describe, expect, it } from 'vitest';
import { isAcceptableRequestId, scrubIdentifiers } from './logging.js';

describe('scrubIdentifiers', () => {
  it('masks ID numbers, mobile phones and credit codes', () => {
    expect(scrubIdentifiers('/api/benefit-grants?idNumber=22010219400101123X')).toBe('/api/benefit-grants?idNumber=220***********123X');
    expect(scrubIdentifiers('uscc=91220102MA17ABCD3K')).toBe('uscc=9122**********CD3K');
    expect(scrubIdentifiers('联系电话13812345678。')).toBe('联系电话138****5678。');
  });

  it('masks them inside PostgreSQL errors and JSON-escaped stack traces', () => {
    expect(scrubIdentifiers('Key (id_number)=(220102194001011234) already exists.')).toBe('Key (id_number)=(220***********1234) already exists.');
    expect(scrubIdentifiers('"stack":"Error: 91220102MA17ABCD3K\\n91220102MA17ABCD3K\\n    at x"')).toBe(
      '"stack":"Error: 9122**********CD3K\\n9122**********CD3K\\n    at x"',
    );
    expect(scrubIdentifiers('"parameters":["22010219400101123x","call 13812345678"]')).toBe('"parameters":["220***********123x","call 138****5678"]');
  });

  it('masks digit runs glued to letters, but not longer or shorter runs', () => {
    expect(scrubIdentifiers('user13812345678')).toBe('user138****5678');
    expect(scrubIdentifiers('id22010219400101123Xend')).toBe('id220***********123Xend');
    expect(scrubIdentifiers('"time":1796522165911')).toBe('"time":1796522165911');
    expect(scrubIdentifiers('1381234567')).toBe('1381234567');
    expect(scrubIdentifiers('12812345678')).toBe('12812345678');
  });

  it('leaves ordinary text alone', () => {
    expect(scrubIdentifiers('/api/cases/NG2026-0001-000123')).toBe('/api/cases/NG2026-0001-000123');
    expect(scrubIdentifiers('c4c2a95079707a2aa5bc116d553f1310cfeb2b77745eb48247c6c7')).toBe('c4c2a95079707a2aa5bc116d553f1310cfeb2b77745eb48247c6c7');
  });
});

describe('isAcceptableRequestId', () => {
  it('accepts UUIDs and short safe ids', () => {
    expect(isAcceptableRequestId('fb7f1fde-7555-456f-b8e9-5b0713578e1f')).toBe(true);
    expect(isAcceptableRequestId('req-2026.edge_7')).toBe(true);
    expect(isAcceptableRequestId('a'.repeat(64))).toBe(true);
    expect(isAcceptableRequestId(`x${'1'.repeat(14)}`)).toBe(true);
  });

  it('refuses anything else', () => {
    for (const given of [undefined, ['a', 'b'], '', 'a'.repeat(65), 'has space', 'semi;colon', 'ünïcode', `x${'1'.repeat(15)}`, '22010219400101123X', 'trace-13812345678']) {
      expect(isAcceptableRequestId(given), String(given)).toBe(false);
    }
  });
});
