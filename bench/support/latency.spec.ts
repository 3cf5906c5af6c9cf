import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueCount, intendedSendMs, percentile, scheduledTotal, summarise } from './latency.js';

describe('percentiles', () => {
  it('take the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 90)).toBe(90);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('see a single stall in the 99th percentile of a hundred requests only when it is among the slowest 1 %', () => {
    const fast = Array.from({ length: 99 }, () => 2);
    expect(summarise([...fast, 2000]).p99).toBe(2);
    expect(summarise([...fast.slice(1), 2000, 2000]).p99).toBe(2000);
  });

  it('summarise unsorted values', () => {
    expect(summarise([30, 10, 20])).toEqual({ count: 3, p50: 20, p90: 30, p99: 30, max: 30, mean: 20 });
  });

  it('never fall outside the values, and never decrease with p', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 }), fc.double({ min: 0, max: 100, noNaN: true }), (values, p) => {
        const sorted = [...values].sort((a, b) => a - b);
        const at = percentile(sorted, p);
        expect(at).toBeGreaterThanOrEqual(sorted[0]!);
        expect(at).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
        expect(percentile(sorted, Math.min(100, p + 1))).toBeGreaterThanOrEqual(at);
      }),
    );
  });
});

describe('the open-loop schedule', () => {
  it('spaces requests evenly from the start', () => {
    expect(intendedSendMs(0, 500)).toBe(0);
    expect(intendedSendMs(1, 500)).toBe(2);
    expect(intendedSendMs(500, 500)).toBe(1000);
  });

  it('has the first request due at once and one more every interval', () => {
    expect(dueCount(-1, 500, 5000)).toBe(0);
    expect(dueCount(0, 500, 5000)).toBe(1);
    expect(dueCount(1.99, 500, 5000)).toBe(1);
    expect(dueCount(2, 500, 5000)).toBe(2);
    expect(dueCount(999, 500, 5000)).toBe(500);
  });

  it('stops at the total, however late the sender wakes', () => {
    expect(dueCount(60_000, 500, scheduledTotal(10_000, 500))).toBe(5000);
  });

  it('has every request due exactly when its intended time has come', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 100_000 }), (rate, index) => {
        const at = intendedSendMs(index, rate);
        expect(dueCount(at, rate, Number.MAX_SAFE_INTEGER)).toBeGreaterThanOrEqual(index + 1);
        if (index > 0) expect(dueCount(intendedSendMs(index - 1, rate), rate, Number.MAX_SAFE_INTEGER)).toBeLessThanOrEqual(index);
      }),
    );
  });
});
