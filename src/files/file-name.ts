import { ALLOWED_TYPES, type AllowedType } from './content-type.js';

const MAX_NAME_LENGTH = 200;
const MAX_EXTENSION_LENGTH = 16;
const FALLBACK_NAME = 'file';

/**
 * C0/C1 controls (NUL included), bidirectional overrides that can make `exe.pdf` read as `fdp.exe`,
 * zero-width characters, and what Windows refuses in a file name.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff<>:"|?*]/g;

// Half a surrogate pair cannot be encoded as UTF-8 (encodeURIComponent throws on it).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function splitExtension(name: string): [stem: string, extension: string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || name.length - dot > MAX_EXTENSION_LENGTH) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

/**
 * The client's file name made fit for display and for a download's suggested name. It is never used as a
 * path: storage keys are generated. Directory parts, unsafe characters and leading dots go; length is capped
 * (by code points, keeping the extension); an empty result becomes "file".
 */
export function sanitiseFileName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(LONE_SURROGATE, '').replace(UNSAFE, '').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const characters = [...cleaned];
  if (characters.length <= MAX_NAME_LENGTH) return cleaned || FALLBACK_NAME;
  const [stem, extension] = splitExtension(cleaned);
  return [...stem].slice(0, MAX_NAME_LENGTH - [...extension].length).join('').trimEnd() + extension;
}

/** The stored name, with the detected type's extension added when it carries another (`x.html` → `x.html.pdf`). */
export function downloadName(name: string, type: AllowedType): string {
  const extensions: readonly string[] = ALLOWED_TYPES[type];
  return extensions.includes(splitExtension(name)[1].toLowerCase()) ? name : `${name}${extensions[0]}`;
}

/** RFC 8187 `attr-char` allows only letters, digits and !#$&+-.^_`|~; everything else is percent-encoded UTF-8. */
const encodeExtValue = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` with both an ASCII `filename` for old clients and the exact UTF-8 `filename*` (RFC 6266 §4.3),
 * so 营业执照.pdf arrives intact. Expects a name from `sanitiseFileName`.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
