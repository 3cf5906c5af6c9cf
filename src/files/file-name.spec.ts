import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadName, sanitiseFileName } from './file-name.js';

describe('sanitiseFileName', () => {
  it('keeps ordinary names, Chinese included', () => {
    expect(sanitiseFileName('营业执照 副本.pdf')).toBe('营业执照 副本.pdf');
    expect(sanitiseFileName('scan_2026-01-05 (1).jpg')).toBe('scan_2026-01-05 (1).jpg');
  });

  it('drops directory parts, Unix and Windows alike', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('..\\..\\Windows\\win.ini')).toBe('win.ini');
    expect(sanitiseFileName('/absolute/path/a.pdf')).toBe('a.pdf');
  });

  it('removes NUL and other control characters, bidi overrides and characters Windows refuses', () => {
    expect(sanitiseFileName('a\u0000b.pdf')).toBe('ab.pdf');
    expect(sanitiseFileName('line\r\nbreak.pdf')).toBe('linebreak.pdf');
    expect(sanitiseFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitiseFileName('a<b>:c"d|e?f*.png')).toBe('abcdef.png');
    expect(sanitiseFileName('bad\ud800half.pdf')).toBe('badhalf.pdf');
  });

  it('removes leading and trailing dots and spaces; an empty result is "file"', () => {
    expect(sanitiseFileName('.bashrc')).toBe('bashrc');
    expect(sanitiseFileName('  report.pdf. ')).toBe('report.pdf');
    for (const empty of ['', '..', '.', '/', '\u0000', undefined]) expect(sanitiseFileName(empty)).toBe('file');
  });

  it('caps very long names at 200 characters, keeping the extension', () => {
    const name = sanitiseFileName(`${'营'.repeat(5000)}.pdf`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('营.pdf')).toBe(true);
    expect([...sanitiseFileName('x'.repeat(300))]).toHaveLength(200);
  });

  it('always answers a short, single-segment name free of control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const name = sanitiseFileName(raw);
        expect(name.length).toBeGreaterThan(0);
        expect([...name].length).toBeLessThanOrEqual(200);
        expect(name).not.toMatch(/[/\\\u0000-\u001f\u007f]/);
        expect(name.startsWith('.')).toBe(false);
      }),
    );
  });
});

describe('downloadName', () => {
  it('keeps a matching extension and adds the detected one otherwise', () => {
    expect(downloadName('证明.PDF', 'application/pdf')).toBe('证明.PDF');
    expect(downloadName('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
    expect(downloadName('scan', 'image/png')).toBe('scan.png');
    expect(downloadName('page.html', 'application/pdf')).toBe('page.html.pdf');
    expect(downloadName('invoice', 'application/ofd')).toBe('invoice.ofd');
  });
});

describe('contentDisposition', () => {
  it('sends an ASCII fallback and the exact UTF-8 name (RFC 6266, RFC 8187)', () => {
    expect(contentDisposition('营业执照.pdf')).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf`);
    expect(contentDisposition("it's (100%) done*.pdf")).toBe(`attachment; filename="it's (100_) done*.pdf"; filename*=UTF-8''it%27s%20%28100%25%29%20done%2A.pdf`);
  });

  it('is always a header value with nothing a client could misparse', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const value = contentDisposition(sanitiseFileName(raw));
        expect(value).toMatch(/^attachment; filename="[\x20-\x21\x23-\x24\x26-\x5b\x5d-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
      }),
    );
  });
});
