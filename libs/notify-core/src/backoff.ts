export interface RetryPolicy {
  /** Attempts in all, the first one included; after the last failure the message is `failed`. */
  maxAttempts: number;
  /** The wait after the first failure; doubled after each further one. */
  baseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
}

/**
 * The wait before attempt `attempt + 1` after `attempt` failed ones (1-based): exponential, capped, with
 * "equal jitter" — half of it fixed, half random — so that many messages failing together at a gateway
 * outage do not come back together, yet none comes back at once. `random` is in [0, 1).
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * Math.min(Math.max(random, 0), 1));
}

/** Whether another attempt follows `attempt` failed ones. */
export function mayRetry(attempt: number, policy: RetryPolicy): boolean {
  return attempt < policy.maxAttempts;
}

/**
 * The policy for a message someone is waiting for on screen (a registration code): sent while the request
 * waits, so a few quick attempts only — the person asks again rather than wait out a long backoff.
 */
export function waitingRetryPolicy(policy: RetryPolicy): RetryPolicy {
  const baseDelayMs = Math.min(policy.baseDelayMs, 500);
  return { maxAttempts: Math.min(policy.maxAttempts, 3), baseDelayMs, maxDelayMs: Math.max(baseDelayMs, Math.min(policy.maxDelayMs, 2_000)) };
}
