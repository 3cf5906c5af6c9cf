import { describe, expect, it } from 'vitest';
import { inWindow, leastLoaded, repeated, windowsOverlap } from './staff-rules.js';

const at = (iso: string) => new Date(iso);
const w = (from: string, to: string) => ({ from: at(from), to: at(to) });

describe('windowsOverlap', () => {
  it('is true when the windows share an instant, false when one ends as the other starts', () => {
    expect(windowsOverlap(w('2026-12-01', '2026-12-05'), w('2026-12-04', '2026-12-10'))).toBe(true);
    expect(windowsOverlap(w('2026-12-04', '2026-12-10'), w('2026-12-01', '2026-12-05'))).toBe(true);
    expect(windowsOverlap(w('2026-12-01', '2026-12-10'), w('2026-12-03', '2026-12-04'))).toBe(true);
    expect(windowsOverlap(w('2026-12-01', '2026-12-05'), w('2026-12-05', '2026-12-10'))).toBe(false);
    expect(windowsOverlap(w('2026-12-06', '2026-12-07'), w('2026-12-01', '2026-12-05'))).toBe(false);
  });
});

describe('inWindow', () => {
  it('includes the start and excludes the end', () => {
    const window = w('2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z');
    expect(inWindow(window, at('2026-12-01T00:00:00Z'))).toBe(true);
    expect(inWindow(window, at('2026-12-01T23:59:59Z'))).toBe(true);
    expect(inWindow(window, at('2026-12-02T00:00:00Z'))).toBe(false);
    expect(inWindow(window, at('2026-11-30T23:59:59Z'))).toBe(false);
  });
});

describe('leastLoaded', () => {
  const clerks = [
    { id: 'a', username: 'clerk.b', tasks: 3 },
    { id: 'b', username: 'clerk.a', tasks: 1 },
    { id: 'c', username: 'clerk.c', tasks: 1 },
  ];
  it('picks the clerk with the fewest tasks, the first username on a tie', () => {
    expect(leastLoaded(clerks)?.id).toBe('b');
  });
  it('skips the excluded, and answers null when nobody is left', () => {
    expect(leastLoaded(clerks, new Set(['b']))?.id).toBe('c');
    expect(leastLoaded(clerks, new Set(['a', 'b', 'c']))).toBeNull();
    expect(leastLoaded([])).toBeNull();
  });
});

describe('repeated', () => {
  it('lists each id named more than once, once', () => {
    expect(repeated(['x', 'y', 'x', 'z', 'x', 'y'])).toEqual(['x', 'y']);
    expect(repeated(['x', 'y'])).toEqual([]);
  });
});
