import type { Grant } from '@app/quota-lease';

/**
 * A rate-limit window shared by every API process (Redis or PostgreSQL). `reserve` takes up to `want`
 * hits of the key's window at once, never past `limit`: a window starts with its first hit and lasts
 * `ttl` ms; once its budget is spent, a reservation is refused (granted 0) and counted as one hit, the
 * first of them stretching the window to `blockDuration` ms if that is longer.
 */
export interface SharedCounter {
  reserve(key: string, ttl: number, limit: number, blockDuration: number, want: number): Promise<Grant>;
  onApplicationShutdown(): void | Promise<void>;
}
