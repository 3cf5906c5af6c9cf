/**
 * Arithmetic of the load generators (pure, unit-tested): percentiles of recorded latencies, and the
 * schedule of an open-loop load, where request i is due at start + i / rate whatever happened to the
 * earlier ones, so a stalled server shows up as latency instead of as fewer requests sent
 * (coordinated omission).
 */

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile (the smallest value with at least p % of the values at or below it). */
export function percentile(sortedAscending: ArrayLike<number>, p: number): number {
  if (sortedAscending.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(Math.max(rank, 1), sortedAscending.length) - 1]!;
}

export function summarise(latencies: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(latencies).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : NaN,
    mean: sorted.length > 0 ? sum / sorted.length : NaN,
  };
}

/** When request `index` (from 0) of an open-loop load at `ratePerSecond` is due, in ms after the start. */
export function intendedSendMs(index: number, ratePerSecond: number): number {
  return (index * 1000) / ratePerSecond;
}

/** How many requests are due `elapsedMs` after the start (the first is due at 0), capped at `total`. */
export function dueCount(elapsedMs: number, ratePerSecond: number, total: number): number {
  if (elapsedMs < 0) return 0;
  // The epsilon absorbs floating-point error, so a request is due at exactly its intended time.
  return Math.min(total, Math.floor((elapsedMs * ratePerSecond) / 1000 + 1e-9) + 1);
}

/** Requests an open-loop load sends in `durationMs`. */
export function scheduledTotal(durationMs: number, ratePerSecond: number): number {
  return Math.round((durationMs * ratePerSecond) / 1000);
}
