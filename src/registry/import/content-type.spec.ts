import { describe, expect, it } from 'vitest';
import { uploadEncoding } from './content-type.js';

describe('uploadEncoding', () => {
  it('knows CSV and JSON Lines, their charsets and gzip', () => {
    expect(uploadEncoding('text/csv', undefined)).toEqual({ ok: true, encoding: { format: 'csv', charset: 'utf-8', gzip: false } });
    expect(uploadEncoding('text/csv; charset="GBK"', 'gzip')).toEqual({ ok: true, encoding: { format: 'csv', charset: 'gb18030', gzip: true } });
    expect(uploadEncoding('application/x-ndjson;charset=utf-8', 'identity')).toEqual({ ok: true, encoding: { format: 'jsonl', charset: 'utf-8', gzip: false } });
  });

  it('refuses other media types, charsets and encodings', () => {
    expect(uploadEncoding('application/json', undefined)).toMatchObject({ ok: false });
    expect(uploadEncoding(undefined, undefined)).toMatchObject({ ok: false });
    expect(uploadEncoding('text/csv; charset=big5', undefined)).toMatchObject({ ok: false });
    expect(uploadEncoding('text/csv', 'br')).toMatchObject({ ok: false });
  });
});
