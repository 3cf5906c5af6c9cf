import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from './window-record.js';

const WARN_EVERY_MS = 60_000;

/**
 * The shared counters, or this process's own while the shared store does not answer: limits keep
 * applying (per process) through an outage of Redis, and requests are not failed for a counter.
 */
export class FailoverStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly local = new ThrottlerStorageService();
  private lastWarning = -Infinity;

  constructor(private readonly shared: ThrottlerStorage & OnApplicationShutdown) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    try {
      return await this.shared.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (error) {
      if (performance.now() - this.lastWarning > WARN_EVERY_MS) {
        this.lastWarning = performance.now();
        this.logger.warn(`shared rate-limit counters unavailable (${(error as Error).message}); counting in this process meanwhile`);
      }
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.local.onApplicationShutdown();
    await this.shared.onApplicationShutdown();
  }
}
