import { describe, expect, it } from 'vitest';
import { ProblemException } from '../http/problem.js';
import { reportRange } from './report-range.js';

const now = new Date('2026-11-29T10:00:00Z');

describe('reportRange', () => {
  it('reads China dates as whole days, `to` included', () => {
    expect(reportRange('2026-11-01', '2026-11-30', now)).toEqual({ from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') });
  });

  it('takes instants as they are, and defaults to the 30 days before now', () => {
    expect(reportRange('2026-11-01T08:00:00+08:00', '2026-11-02T00:00:00Z', now)).toEqual({ from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-02T00:00:00Z') });
    expect(reportRange(undefined, undefined, now)).toEqual({ from: new Date('2026-10-30T10:00:00Z'), to: now });
  });

  it('refuses a range that ends before it starts, or a date that does not exist', () => {
    expect(() => reportRange('2026-11-30', '2026-11-01', now)).toThrow(ProblemException);
    try {
      reportRange('2026-02-30', undefined, now);
    } catch (error) {
      expect((error as ProblemException).errors).toEqual([{ path: 'from', message: 'from must be a real date' }]);
    }
    expect.assertions(2);
  });
});
