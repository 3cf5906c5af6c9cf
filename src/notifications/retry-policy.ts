import { Inject, Injectable } from '@nestjs/common';
import { mayRetry, retryDelayMs, waitingRetryPolicy, type RetryPolicy } from '@app/notify-core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** When a failed SMS, mail or webhook delivery is tried again: NOTIFY_MAX_ATTEMPTS, NOTIFY_RETRY_BASE_MS. */
@Injectable()
export class RetryPlanner {
  private readonly policy: RetryPolicy;
  private readonly waiting: RetryPolicy;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { maxAttempts, retryBaseMs, retryMaxMs } = config.notifications;
    this.policy = { maxAttempts, baseDelayMs: retryBaseMs, maxDelayMs: Math.max(retryMaxMs, retryBaseMs) };
    this.waiting = waitingRetryPolicy(this.policy);
  }

  /** After `attempts` failed ones: the wait before the next, or null when that was the last. */
  afterFailure(attempts: number): number | null {
    return mayRetry(attempts, this.policy) ? retryDelayMs(attempts, this.policy, Math.random()) : null;
  }

  /** The same for a message someone waits for on screen: a few quick attempts (waitingRetryPolicy). */
  whileWaiting(attempts: number): number | null {
    return mayRetry(attempts, this.waiting) ? retryDelayMs(attempts, this.waiting, Math.random()) : null;
  }
}
