/** One line of text without its terminator (LF or CRLF), numbered from 1. */
export interface Line {
  line: number;
  text: string;
}

/** A line longer than the cap: reported, and its text never kept. */
export interface LongLine {
  line: number;
  tooLong: true;
}

/**
 * Splits a stream of text chunks into lines, whatever the chunk boundaries. Memory stays bounded by
 * `maxLineLength`: the rest of a longer line is skipped up to its line break.
 */
export class LineSplitter {
  private partial = '';
  private line = 1;
  private skipping = false;

  constructor(private readonly maxLineLength = 65_536) {}

  push(text: string): Array<Line | LongLine> {
    const out: Array<Line | LongLine> = [];
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      this.emit(out, text.slice(start, end));
      start = end + 1;
    }
    this.accumulate(text.slice(start), out);
    return out;
  }

  /** The last line, if the text did not end with a line break. */
  end(): Array<Line | LongLine> {
    const out: Array<Line | LongLine> = [];
    if (this.partial !== '' || this.skipping) this.emit(out, '');
    return out;
  }

  private accumulate(text: string, out: Array<Line | LongLine>): void {
    if (this.skipping) return;
    if (this.partial.length + text.length > this.maxLineLength) {
      out.push({ line: this.line, tooLong: true });
      this.partial = '';
      this.skipping = true;
      return;
    }
    this.partial += text;
  }

  private emit(out: Array<Line | LongLine>, tail: string): void {
    if (!this.skipping) {
      this.accumulate(tail, out);
      if (!this.skipping) {
        const text = this.partial.endsWith('\r') ? this.partial.slice(0, -1) : this.partial;
        out.push({ line: this.line, text });
      }
    }
    this.partial = '';
    this.skipping = false;
    this.line++;
  }
}
