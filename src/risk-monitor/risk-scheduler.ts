import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobSchedule } from '../queue/job-schedule.js';
import { QueueBackend } from '../queue/queue-backend.js';
import { JobName } from '../queue/queue-names.js';

export const SCAN_SCHEDULER_ID = 'risk-scan';

/** The scheduled scan, every RISK_SCAN_EVERY_SECONDS for the whole cluster (see JobSchedule). */
@Injectable()
export class RiskScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly schedule: JobSchedule;

  constructor(backend: QueueBackend, @Inject(APP_CONFIG) config: AppConfig) {
    this.schedule = new JobSchedule(backend, SCAN_SCHEDULER_ID, config.risk.scanEverySeconds * 1000, { name: JobName.RiskScan, data: { scanId: null } });
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }
}
