import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  const columns = [
    { header: '名称', value: (row: { name: string; count: number | null }) => row.name },
    { header: 'count', value: (row: { name: string; count: number | null }) => row.count },
  ];

  it('starts with a BOM, ends lines with CRLF and quotes what needs quoting', () => {
    const text = toCsv(columns, [
      { name: '南关区市场监督管理局', count: 3 },
      { name: 'a, "b"', count: null },
      { name: 'two\nlines', count: -1 },
    ]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('名称,count\r\n南关区市场监督管理局,3\r\n"a, ""b""",\r\n"two\nlines",-1\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, not negative numbers', () => {
    const text = toCsv(columns, [{ name: '=HYPERLINK("http://x")', count: -2 }, { name: '@SUM(A1)', count: 0 }]);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")",-2`);
    expect(text).toContain(`'@SUM(A1),0`);
  });

  it.each([
    ['=1+1'],
    ['+1'],
    ['-1'],
    ['@SUM(A1)'],
    ['\t=1'],
    ['\r=1'],
    ['  =HYPERLINK("http://x")'],
    ['\u00a0=1'],
    ['\u3000=1'],
    ['\ufeff=1'],
    ['\u200b=1'],
    ['\n=1'],
    ['\r\n@x'],
    ['＝1+1'],
    ['＋1'],
    ['－1'],
    ['＠SUM(A1)'],
    [' \u00a0\ufeff＝cmd|" /C calc"!A0'],
  ])('defuses %j, whatever blanks or full-width signs come first', (value) => {
    const text = toCsv([{ header: 'x', value: (row: string) => row }], [value]);
    const line = text.slice(text.indexOf('\r\n') + 2, -2);
    const content = line.startsWith('"') ? line.slice(1, -1).replace(/""/g, '"') : line;
    expect(content).toBe(`'${value}`);
  });

  it('leaves text alone that only contains those signs later', () => {
    const text = toCsv([{ header: 'x', value: (row: string) => row }], ['南关区 = 长春', 'a-b', 'x@y.cn', '１＋１']);
    expect(text.slice(1)).toBe('x\r\n南关区 = 长春\r\na-b\r\nx@y.cn\r\n１＋１\r\n');
  });
});

