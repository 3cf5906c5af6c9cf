import type { ThrottlerStorage } from '@nestjs/throttler';

/** What a storage answers for a hit (the package does not export the type by name). */
export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * A fixed window as the throttler reads it. The shared storages count every hit of a key in a window
 * that starts with its first hit and lasts `ttl`; the first hit past the limit stretches the window to
 * the block duration if that is longer. Hits past the limit are refused until the window ends.
 */
export function windowRecord(hits: number, msLeft: number, limit: number): ThrottlerStorageRecord {
  const secondsLeft = Math.max(1, Math.ceil(msLeft / 1000));
  const isBlocked = hits > limit;
  return { totalHits: hits, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
}
