/** One CSV record and the physical line it starts on (1-based; a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvFaultCode = 'csv.unterminated_quote' | 'csv.stray_quote' | 'csv.record_too_long';

/** A record that could not be read; the parser carries on with the next one. */
export interface CsvFault {
  line: number;
  code: CsvFaultCode;
  message: string;
}

export type CsvItem = CsvRecord | CsvFault;

export const isCsvFault = (item: CsvItem): item is CsvFault => 'code' in item;

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  /** Before the first character of a field. */
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the closing one, or the first half of `""`. */
  QuoteInQuoted,
}

/**
 * A streaming RFC 4180 parser: text goes in by the chunk (split anywhere, even inside a quoted field
 * or between CR and LF), records come out with the line they start on. Memory stays bounded by the
 * longest record, which is capped at `maxRecordLength` characters: a longer record is reported and
 * skipped without being kept. Records end at LF or CRLF; blank lines are skipped; a quote inside an
 * unquoted field, or text after a closing quote, is a fault rather than a guess.
 */
export class CsvParser {
  private state = State.FieldStart;
  private fields: string[] = [];
  private field = '';
  private line = 1;
  private recordLine = 1;
  private recordLength = 0;
  private fault: CsvFault | null = null;
  /** Whether the current record has seen any character other than its terminator. */
  private started = false;
  private crAfterQuote = false;

  constructor(private readonly maxRecordLength = 65_536) {}

  push(text: string): CsvItem[] {
    const out: CsvItem[] = [];
    const length = text.length;
    let i = 0;
    while (i < length) {
      const code = text.charCodeAt(i);
      if (!this.started) {
        this.started = true;
        this.recordLine = this.line;
      }
      switch (this.state) {
        case State.FieldStart:
          if (code === QUOTE) {
            this.state = State.Quoted;
            this.count(1);
          } else if (code === COMMA) {
            this.endField();
            this.count(1);
          } else if (code === LF) {
            this.endRecord(out);
          } else {
            this.state = State.Unquoted;
            continue; // read the character again as part of an unquoted field
          }
          i++;
          break;
        case State.Unquoted: {
          // Take the run of ordinary characters at once: most fields are plain.
          let end = i;
          while (end < length) {
            const c = text.charCodeAt(end);
            if (c === COMMA || c === LF || c === QUOTE) break;
            end++;
          }
          if (end > i) {
            this.append(text.slice(i, end));
            i = end;
            break;
          }
          if (code === COMMA) {
            this.endField();
            this.state = State.FieldStart;
            this.count(1);
          } else if (code === LF) {
            this.endRecord(out);
          } else {
            this.markFault('csv.stray_quote', 'A quote inside an unquoted field: quote the whole field and double the quote ("")');
            this.append('"');
          }
          i++;
          break;
        }
        case State.Quoted: {
          const close = text.indexOf('"', i);
          const end = close < 0 ? length : close;
          const chunk = text.slice(i, end);
          for (let at = chunk.indexOf('\n'); at >= 0; at = chunk.indexOf('\n', at + 1)) this.line++;
          this.append(chunk);
          if (close >= 0) {
            this.state = State.QuoteInQuoted;
            this.count(1);
          }
          i = end + (close >= 0 ? 1 : 0);
          break;
        }
        case State.QuoteInQuoted:
          if (this.crAfterQuote && code !== LF) {
            this.crAfterQuote = false;
            this.markFault('csv.stray_quote', 'Text after the closing quote of a field: a quote inside a field is written ""');
            this.state = State.Unquoted;
            continue;
          }
          if (code === QUOTE) {
            this.append('"');
            this.state = State.Quoted;
          } else if (code === COMMA) {
            this.endField();
            this.state = State.FieldStart;
            this.count(1);
          } else if (code === LF) {
            this.endRecord(out);
          } else if (code === CR && !this.crAfterQuote) {
            // The CR of a CRLF after a closing quote; the LF may come in the next chunk.
            this.crAfterQuote = true;
          } else {
            this.markFault('csv.stray_quote', 'Text after the closing quote of a field: a quote inside a field is written ""');
            this.state = State.Unquoted;
            continue;
          }
          i++;
          break;
      }
    }
    return out;
  }

  /** The last record, if the text did not end with a line break; an open quoted field is a fault. */
  end(): CsvItem[] {
    const out: CsvItem[] = [];
    if (this.state === State.Quoted) {
      this.markFault('csv.unterminated_quote', 'A quoted field is not closed before the end of the file');
    }
    if (this.started) this.endRecord(out);
    return out;
  }

  private count(characters: number): void {
    this.recordLength += characters;
    if (this.recordLength > this.maxRecordLength) {
      this.markFault('csv.record_too_long', `The record is longer than ${this.maxRecordLength} characters`);
    }
  }

  private append(text: string): void {
    this.count(text.length);
    // Past the cap the record is already refused: stop keeping its text, so memory stays bounded.
    if (this.fault?.code !== 'csv.record_too_long') this.field += text;
  }

  private markFault(code: CsvFaultCode, message: string): void {
    if (!this.fault) this.fault = { line: this.recordLine, code, message };
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
  }

  private endRecord(out: CsvItem[]): void {
    if (this.state !== State.QuoteInQuoted && this.field.endsWith('\r')) this.field = this.field.slice(0, -1);
    this.endField();
    const blank = this.fields.length === 1 && this.fields[0] === '' && this.state !== State.QuoteInQuoted;
    if (this.fault) out.push(this.fault);
    else if (!blank) out.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.state = State.FieldStart;
    this.recordLength = 0;
    this.fault = null;
    this.started = false;
    this.crAfterQuote = false;
    this.line++;
  }
}
