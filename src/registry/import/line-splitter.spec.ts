import { describe, expect, it } from 'vitest';
import { LineSplitter, type Line, type LongLine } from './line-splitter.js';

function split(chunks: string[], max?: number): Array<Line | LongLine> {
  const splitter = new LineSplitter(max);
  return [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
}

describe('LineSplitter', () => {
  it('numbers lines across chunk boundaries and drops CR of CRLF', () => {
    expect(split(['{"a":', '1}\r', '\n\n{"b"', ':2}'])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '' },
      { line: 3, text: '{"b":2}' },
    ]);
  });

  it('adds no line for a final line break', () => {
    expect(split(['x\n'])).toEqual([{ line: 1, text: 'x' }]);
  });

  it('reports an over-long line once, skips the rest of it, and reads on', () => {
    expect(split(['ok\n12345', '6789', '0123\nnext\n'], 8)).toEqual([
      { line: 1, text: 'ok' },
      { line: 2, tooLong: true },
      { line: 3, text: 'next' },
    ]);
  });
});
