import { describe, expect, it } from 'vitest';
import { LOGIN_BACKOFF, lockSecondsAfter } from './login-backoff.js';

describe('lockSecondsAfter', () => {
  it('lets four failures pass and locks from the fifth, doubling up to fifteen minutes', () => {
    expect([1, 2, 3, 4].map((n) => lockSecondsAfter(n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 12].map((n) => lockSecondsAfter(n))).toEqual([30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('stays at the cap however many failures pile up', () => {
    expect(lockSecondsAfter(10_000)).toBe(LOGIN_BACKOFF.maxLockSeconds);
  });
});
