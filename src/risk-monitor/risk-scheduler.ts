import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { QueueBackend } from '../queue/queue-backend.js';
import { JobName, QueueName } from '../queue/queue-names.js';

export const SCAN_SCHEDULER_ID = 'risk-scan';
const RETRY_MS = 60_000;

/**
 * The scheduled scan is a BullMQ job scheduler, not a timer in each process: the queue backend makes
 * one job per interval for the whole cluster, whichever worker takes it. Every process upserts the
 * scheduler at start-up (idempotent; the last configured interval wins); when the backend is down it
 * tries again a minute later instead of holding up start-up.
 */
@Injectable()
export class RiskScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RiskScheduler.name);
  private retry: NodeJS.Timeout | null = null;
  private registering: Promise<void> | null = null;

  constructor(
    private readonly backend: QueueBackend,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.registering = this.register();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    await this.registering;
  }

  private async register(): Promise<void> {
    const every = this.config.risk.scanEverySeconds * 1000;
    try {
      await this.backend.queue(QueueName.RiskMonitor).upsertJobScheduler(SCAN_SCHEDULER_ID, { every }, { name: JobName.RiskScan, data: { scanId: null } });
    } catch (error) {
      this.logger.warn(`could not register the scheduled risk scan (${(error as Error).message}); retrying in ${RETRY_MS / 1000} s`);
      this.retry = setTimeout(() => (this.registering = this.register()), RETRY_MS);
      this.retry.unref();
    }
  }
}
