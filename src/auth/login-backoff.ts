/**
 * Per-account back-off of sign-ins: the first failures are free, after that every failure locks the
 * username for a while, doubling up to a cap. A success resets; so does a day without failures.
 */
export const LOGIN_BACKOFF = {
  freeFailures: 4,
  firstLockSeconds: 30,
  maxLockSeconds: 15 * 60,
  forgetAfterSeconds: 24 * 3600,
} as const;

export type LoginBackoff = typeof LOGIN_BACKOFF;

/** How long the username is locked after its `failures`-th consecutive failure (0: not locked). */
export function lockSecondsAfter(failures: number, policy: LoginBackoff = LOGIN_BACKOFF): number {
  if (failures <= policy.freeFailures) return 0;
  return Math.min(policy.maxLockSeconds, policy.firstLockSeconds * 2 ** (failures - policy.freeFailures - 1));
}
