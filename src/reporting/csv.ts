/** One column of a CSV export: its header, and how a row gives its cell. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

/** Excel reads UTF-8 (and so Chinese) only when the file starts with a byte-order mark. */
const BOM = '\uFEFF';
/**
 * Cells a spreadsheet would run as a formula (CSV injection, OWASP): one that starts with = + - @ (or their
 * full-width forms, which Chinese input methods type and some spreadsheets take alike), tab or CR, also
 * behind leading blanks a spreadsheet may drop: whitespace, NBSP, ideographic space, line breaks, a BOM,
 * zero-width characters.
 */
const FORMULA_START = /^[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

/** RFC 4180 text (CRLF, quotes doubled) with a BOM; text that looks like a formula is defused with a leading apostrophe. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((column) => cell(column.header)), ...rows.map((row) => columns.map((column) => cell(column.value(row))))];
  return BOM + lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
