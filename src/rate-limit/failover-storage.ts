import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import { QuotaLeases } from '@app/quota-lease';
import type { SharedCounter } from './shared-counter.js';
import { windowRecord, type ThrottlerStorageRecord } from './window-record.js';

const WARN_EVERY_MS = 60_000;
const SWEEP_MS = 60_000;

/**
 * The shared counters, spent through this process's leases (a round trip per `leaseSize(limit)` hits of
 * a key, not per hit: @app/quota-lease), or this process's own counters while the shared store does not
 * answer: limits keep applying (per process) through an outage of Redis, and requests are not failed
 * for a counter.
 */
export class FailoverStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly local = new ThrottlerStorageService();
  private readonly leases = new QuotaLeases(() => performance.now());
  private readonly sweep: NodeJS.Timeout;
  private lastWarning = -Infinity;

  constructor(private readonly shared: SharedCounter) {
    this.sweep = setInterval(() => this.leases.sweep(), SWEEP_MS);
    this.sweep.unref();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    try {
      const { hits, msLeft } = await this.leases.take(key, limit, (want) => this.shared.reserve(key, ttl, limit, blockDuration, want));
      return windowRecord(hits, msLeft, limit);
    } catch (error) {
      if (performance.now() - this.lastWarning > WARN_EVERY_MS) {
        this.lastWarning = performance.now();
        this.logger.warn(`shared rate-limit counters unavailable (${(error as Error).message}); counting in this process meanwhile`);
      }
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweep);
    this.local.onApplicationShutdown();
    await this.shared.onApplicationShutdown();
  }
}
