import { Inject, Injectable } from '@nestjs/common';
import { mayRetry, retryDelayMs, type RetryPolicy } from '@app/notify-core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** When a failed SMS, mail or webhook delivery is tried again: NOTIFY_MAX_ATTEMPTS, NOTIFY_RETRY_BASE_MS. */
@Injectable()
export class RetryPlanner {
  private readonly policy: RetryPolicy;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { maxAttempts, retryBaseMs, retryMaxMs } = config.notifications;
    this.policy = { maxAttempts, baseDelayMs: retryBaseMs, maxDelayMs: Math.max(retryMaxMs, retryBaseMs) };
  }

  /** After `attempts` failed ones: the wait before the next, or null when that was the last. */
  afterFailure(attempts: number): number | null {
    return mayRetry(attempts, this.policy) ? retryDelayMs(attempts, this.policy, Math.random()) : null;
  }
}
