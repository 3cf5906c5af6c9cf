import type { RegistryCharset, RegistryFormat } from './record-reader.js';

export interface UploadEncoding {
  format: RegistryFormat;
  charset: RegistryCharset;
  gzip: boolean;
}

export type UploadEncodingResult = { ok: true; encoding: UploadEncoding } | { ok: false; message: string };

const FORMATS: Readonly<Record<string, RegistryFormat>> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
  'application/x-jsonlines': 'jsonl',
};

const CHARSETS: Readonly<Record<string, RegistryCharset>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb18030: 'gb18030',
  // GB 18030 is a superset of both: decoding them as GB 18030 reads them correctly.
  gbk: 'gb18030',
  gb2312: 'gb18030',
};

/** What an upload is, from its Content-Type (format and charset) and Content-Encoding (gzip or none). */
export function uploadEncoding(contentType: string | undefined, contentEncoding: string | undefined): UploadEncodingResult {
  const [mediaType = '', ...parameters] = (contentType ?? '').split(';').map((part) => part.trim());
  const format = FORMATS[mediaType.toLowerCase()];
  if (!format) {
    return { ok: false, message: `Send the file as text/csv or application/x-ndjson (JSON Lines), not ${mediaType || 'without a Content-Type'}` };
  }
  let charset: RegistryCharset = 'utf-8';
  for (const parameter of parameters) {
    const [name, value = ''] = parameter.split('=').map((part) => part.trim());
    if (name.toLowerCase() !== 'charset') continue;
    const known = CHARSETS[value.replace(/^"|"$/g, '').toLowerCase()];
    if (!known) return { ok: false, message: `The charset ${value} is not supported: use utf-8 or gb18030` };
    charset = known;
  }
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    return { ok: false, message: `The Content-Encoding ${encoding} is not supported: send the file as is or gzip-compressed` };
  }
  return { ok: true, encoding: { format, charset, gzip: encoding === 'gzip' } };
}
