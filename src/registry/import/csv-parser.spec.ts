import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, isCsvFault, type CsvItem } from './csv-parser.js';

function parse(text: string, chunkSize = text.length || 1, maxRecordLength?: number): CsvItem[] {
  const parser = new CsvParser(maxRecordLength);
  const out: CsvItem[] = [];
  for (let i = 0; i < text.length; i += chunkSize) out.push(...parser.push(text.slice(i, i + chunkSize)));
  return [...out, ...parser.end()];
}

/** Writes fields as RFC 4180 wants: quoted when they hold a comma, quote, CR or LF. */
function write(records: string[][], newline: string): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return records.map((record) => record.map(field).join(',')).join(newline) + newline;
}

describe('CsvParser', () => {
  it('reads plain records with the line each starts on', () => {
    expect(parse('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, counting the lines they span', () => {
    const items = parse('name,note\n"张, 三","他说""好"""\n"多\n行",x\nlast,y');
    expect(items).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['张, 三', '他说"好"'] },
      { line: 3, fields: ['多\n行', 'x'] },
      { line: 5, fields: ['last', 'y'] },
    ]);
  });

  it('takes CRLF line ends, keeps CRLF inside quotes, and skips blank lines', () => {
    expect(parse('a,b\r\n\r\n"x\r\ny",2\r\n\n3,""\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['x\r\ny', '2'] },
      { line: 6, fields: ['3', ''] },
    ]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(parse(',a,,\n')).toEqual([{ line: 1, fields: ['', 'a', '', ''] }]);
  });

  it('refuses a stray quote and text after a closing quote, and reads on', () => {
    const items = parse('a,b"c\n"x"y,1\n"ok",2\n');
    expect(items).toEqual([
      { line: 1, code: 'csv.stray_quote', message: expect.any(String) },
      { line: 2, code: 'csv.stray_quote', message: expect.any(String) },
      { line: 3, fields: ['ok', '2'] },
    ]);
  });

  it('refuses a quote left open at the end of the file', () => {
    expect(parse('a\n"open,\nstill open')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, code: 'csv.unterminated_quote', message: expect.any(String) },
    ]);
  });

  it('refuses a record longer than the cap without keeping it, and reads on', () => {
    const items = parse(`short\n${'x'.repeat(50)}\n"${'y'.repeat(50)}"\nok\n`, 7, 20);
    expect(items.map((item) => (isCsvFault(item) ? item.code : item.fields[0]))).toEqual([
      'short',
      'csv.record_too_long',
      'csv.record_too_long',
      'ok',
    ]);
  });

  it('gives the same records whatever the chunk boundaries (CR and LF split, quotes split)', () => {
    const record = fc.array(fc.string({ unit: fc.constantFrom('a', '张', ',', '"', '\n', '\r', ' ') }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 9 }), (records, newline, chunk) => {
        // A record of one empty field is a blank line, which the parser skips by design.
        const kept = records.filter((r) => !(r.length === 1 && r[0] === ''));
        const text = write(kept, newline);
        const whole = parse(text);
        expect(parse(text, chunk)).toEqual(whole);
        expect(whole.map((item) => (isCsvFault(item) ? item : item.fields))).toEqual(kept);
      }),
    );
  });
});
