import { describe, expect, it } from 'vitest';
import { completedYears } from './derived-facts.js';

const years = (from: string, to: string) => completedYears(new Date(from), new Date(to));

describe('completedYears', () => {
  it('counts a year only once the anniversary is reached', () => {
    expect(years('1944-05-01', '2025-04-30')).toBe(80);
    expect(years('1944-05-01', '2025-05-01')).toBe(81);
  });

  it('lets someone born on 29 February turn older on 1 March in common years, as PostgreSQL age() does', () => {
    expect(years('2004-02-29', '2005-02-28')).toBe(0);
    expect(years('2004-02-29', '2005-03-01')).toBe(1);
    expect(years('2004-02-29', '2008-02-29')).toBe(4);
  });

  it('is negative when the as-of date comes first', () => {
    expect(years('2001-06-01', '2000-01-01')).toBe(-1);
  });
});
