import { CsvParser, isCsvFault, type CsvItem } from './csv-parser.js';
import { LineSplitter, type Line, type LongLine } from './line-splitter.js';

export const REGISTRY_FORMATS = ['csv', 'jsonl'] as const;
export type RegistryFormat = (typeof REGISTRY_FORMATS)[number];

/** The character sets a registry file may come in: UTF-8, or GB 18030 (GBK) as Excel in China saves CSV. */
export const REGISTRY_CHARSETS = ['utf-8', 'gb18030'] as const;
export type RegistryCharset = (typeof REGISTRY_CHARSETS)[number];

/**
 * One record as written in the file: CSV cells are strings (an empty cell is left out), JSON Lines
 * values keep their JSON types. `line` is the physical line the record starts on.
 */
export interface SourceRecord {
  line: number;
  values: Record<string, unknown>;
  fromText: boolean;
}

/** A line that is not a record at all (bad quoting, bad JSON, bad encoding, too long). */
export interface SourceFault {
  line: number;
  code: string;
  message: string;
}

export type SourceItem = SourceRecord | SourceFault;

export const isSourceFault = (item: SourceItem): item is SourceFault => 'code' in item;

/** The CSV header is wrong, so no line can be read: the import is refused before anything is written. */
export class HeaderError extends Error {
  constructor(readonly problems: Array<{ path: string; message: string }>) {
    super(problems.map((problem) => problem.message).join('; '));
    this.name = 'HeaderError';
  }
}

export interface ReadOptions {
  format: RegistryFormat;
  charset: RegistryCharset;
  /** Every column a record may have; `required` ones must be in a CSV header. */
  columns: readonly string[];
  required: readonly string[];
}

const MAX_RECORD_LENGTH = 65_536;
const REPLACEMENT_CHARACTER = '\uFFFD';

function encodingFault(line: number, charset: RegistryCharset): SourceFault {
  const hint = charset === 'utf-8' ? '; a file saved by Excel is usually GB 18030: send it with charset=gb18030' : '';
  return { line, code: 'encoding.invalid', message: `The line is not valid ${charset.toUpperCase()}${hint}` };
}

/**
 * Reads registry records from a byte stream, one chunk at a time: what is held in memory is one chunk
 * and one record, whatever the size of the file. Yields the records of each chunk as an array.
 */
export async function* readRecords(body: AsyncIterable<Uint8Array | string>, options: ReadOptions): AsyncGenerator<SourceItem[]> {
  // Not fatal: a bad byte sequence becomes U+FFFD and refuses its own line, not the whole file.
  const decoder = new TextDecoder(options.charset);
  const reader = options.format === 'csv' ? new CsvReader(options) : new JsonLinesReader(options.charset);
  for await (const chunk of body) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const items = reader.push(text);
    if (items.length > 0) yield items;
  }
  const items = [...reader.push(decoder.decode()), ...reader.end()];
  if (items.length > 0) yield items;
}

interface Reader {
  push(text: string): SourceItem[];
  end(): SourceItem[];
}

class JsonLinesReader implements Reader {
  private readonly lines = new LineSplitter(MAX_RECORD_LENGTH);

  constructor(private readonly charset: RegistryCharset) {}

  push(text: string): SourceItem[] {
    return this.read(this.lines.push(text));
  }

  end(): SourceItem[] {
    return this.read(this.lines.end());
  }

  private read(lines: Array<Line | LongLine>): SourceItem[] {
    const out: SourceItem[] = [];
    for (const item of lines) {
      if ('tooLong' in item) {
        out.push({ line: item.line, code: 'line.too_long', message: `The line is longer than ${MAX_RECORD_LENGTH} characters` });
      } else if (item.text.trim() !== '') {
        out.push(this.parse(item));
      }
    }
    return out;
  }

  private parse({ line, text }: Line): SourceItem {
    if (text.includes(REPLACEMENT_CHARACTER)) return encodingFault(line, this.charset);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // The parser's own message quotes the line, which may hold an ID number: say it in our words.
      return { line, code: 'json.malformed', message: 'The line is not valid JSON' };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { line, code: 'json.not_an_object', message: 'Each line must be one JSON object' };
    }
    return { line, values: value as Record<string, unknown>, fromText: false };
  }
}

class CsvReader implements Reader {
  private readonly parser = new CsvParser(MAX_RECORD_LENGTH);
  private header: string[] | null = null;

  constructor(private readonly options: ReadOptions) {}

  push(text: string): SourceItem[] {
    return this.read(this.parser.push(text));
  }

  end(): SourceItem[] {
    const items = this.read(this.parser.end());
    if (this.header === null) throw new HeaderError([{ path: 'header', message: 'The file is empty: a CSV import starts with a header line' }]);
    return items;
  }

  private read(items: CsvItem[]): SourceItem[] {
    const out: SourceItem[] = [];
    for (const item of items) {
      if (this.header === null) {
        this.header = this.checkHeader(item);
      } else if (isCsvFault(item)) {
        out.push(item);
      } else if (item.fields.some((field) => field.includes(REPLACEMENT_CHARACTER))) {
        out.push(encodingFault(item.line, this.options.charset));
      } else if (item.fields.length !== this.header.length) {
        const message = `The record has ${item.fields.length} fields where the header has ${this.header.length}`;
        out.push({ line: item.line, code: 'csv.field_count', message });
      } else {
        const values: Record<string, unknown> = {};
        this.header.forEach((column, i) => {
          if (item.fields[i] !== '') values[column] = item.fields[i];
        });
        out.push({ line: item.line, values, fromText: true });
      }
    }
    return out;
  }

  private checkHeader(item: CsvItem): string[] {
    if (isCsvFault(item)) throw new HeaderError([{ path: 'header', message: `The header line cannot be read: ${item.message}` }]);
    if (item.line !== 1) throw new HeaderError([{ path: 'header', message: 'The file must start with its header line' }]);
    const { columns, required } = this.options;
    const problems: Array<{ path: string; message: string }> = [];
    const seen = new Set<string>();
    for (const name of item.fields) {
      if (seen.has(name)) problems.push({ path: `header.${name}`, message: `The column "${name}" appears twice` });
      else if (!columns.includes(name)) problems.push({ path: `header.${name}`, message: `Unknown column "${name}"; the columns are ${columns.join(', ')}` });
      seen.add(name);
    }
    for (const name of required) {
      if (!seen.has(name)) problems.push({ path: `header.${name}`, message: `The required column "${name}" is missing` });
    }
    if (problems.length > 0) throw new HeaderError(problems);
    return item.fields;
  }
}
