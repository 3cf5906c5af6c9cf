/**
 * What an upload is, decided from its bytes alone: the client's file name and Content-Type header are
 * claims anyone can forge, so neither is read here.
 */

/** The types an applicant may upload, with the file extensions a download may carry. */
export const ALLOWED_TYPES = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/tiff': ['.tif', '.tiff'],
  // 版式文档 (GB/T 33190-2016): a ZIP container whose root holds OFD.xml.
  'application/ofd': ['.ofd'],
} as const satisfies Record<string, readonly string[]>;

export type AllowedType = keyof typeof ALLOWED_TYPES;

export const isAllowedType = (type: string): type is AllowedType => Object.hasOwn(ALLOWED_TYPES, type);

/** How many leading bytes `sniff` wants; fewer are fine when the whole file is shorter. */
export const SNIFF_BYTES = 512;

/**
 * `zip` means "a ZIP container, not yet known to be OFD": only its central directory, at the end of the
 * file, can tell (see zip-directory.ts).
 */
export type Sniffed = { kind: 'allowed'; type: AllowedType } | { kind: 'zip' } | { kind: 'refused'; type: string };

interface Signature {
  type: string;
  bytes: readonly number[];
  offset?: number;
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Allowed types first; the rest only name what was refused, so the applicant learns what they sent. */
const SIGNATURES: readonly Signature[] = [
  { type: 'application/pdf', bytes: ascii('%PDF-') },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/tiff', bytes: [0x49, 0x49, 0x2a, 0x00] },
  { type: 'image/tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: 'image/gif', bytes: ascii('GIF8') },
  { type: 'image/webp', bytes: ascii('WEBP'), offset: 8 },
  { type: 'application/gzip', bytes: [0x1f, 0x8b] },
  { type: 'application/x-7z-compressed', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { type: 'application/vnd.rar', bytes: ascii('Rar!') },
  { type: 'application/x-ole-storage', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { type: 'application/x-msdownload', bytes: ascii('MZ') },
  { type: 'application/x-elf', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

const MARKUP: readonly [RegExp, string][] = [
  [/^<\?xml\b/i, 'application/xml'],
  [/^<svg\b/i, 'image/svg+xml'],
  [/^<(!doctype html|html|head|body|script)\b/i, 'text/html'],
];

const matches = (head: Uint8Array, { bytes, offset = 0 }: Signature) =>
  head.length >= offset + bytes.length && bytes.every((byte, i) => head[offset + i] === byte);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text when it decodes as UTF-8 with no control characters besides tab, CR, LF and form feed. */
function textType(head: Uint8Array): string | null {
  // The head may end inside a multi-byte character: drop up to three trailing bytes and retry.
  for (let cut = 0; cut <= Math.min(3, head.length - 1); cut++) {
    let text: string;
    try {
      text = utf8.decode(head.subarray(0, head.length - cut));
    } catch {
      continue;
    }
    if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return null;
    const trimmed = text.replace(/^\uFEFF/, '').trimStart();
    return MARKUP.find(([pattern]) => pattern.test(trimmed))?.[1] ?? 'text/plain';
  }
  return null;
}

/** Classifies a file from its first bytes (give it `SNIFF_BYTES`, or the whole file when shorter). */
export function sniff(head: Uint8Array): Sniffed {
  const signature = SIGNATURES.find((candidate) => matches(head, candidate));
  if (signature?.type === 'application/zip') return { kind: 'zip' };
  if (signature && isAllowedType(signature.type)) return { kind: 'allowed', type: signature.type };
  if (signature) return { kind: 'refused', type: signature.type };
  return { kind: 'refused', type: (head.length > 0 && textType(head)) || 'application/octet-stream' };
}

/** A ZIP container is an OFD document when its root holds OFD.xml, the document's entry point. */
export function classifyZip(entryNames: readonly string[] | null): Exclude<Sniffed, { kind: 'zip' }> {
  return entryNames?.includes('OFD.xml') ? { kind: 'allowed', type: 'application/ofd' } : { kind: 'refused', type: 'application/zip' };
}
