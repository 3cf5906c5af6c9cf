import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobSchedule } from '../queue/job-schedule.js';
import { QueueBackend } from '../queue/queue-backend.js';
import { JobName } from '../queue/queue-names.js';

export const CHECKPOINT_SCHEDULER_ID = 'history-checkpoint';

/** Signs the changed history heads every HISTORY_CHECKPOINT_EVERY_SECONDS, once for the whole cluster (see JobSchedule). */
@Injectable()
export class HistoryCheckpointScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly schedule: JobSchedule;

  constructor(backend: QueueBackend, @Inject(APP_CONFIG) config: AppConfig) {
    this.schedule = new JobSchedule(backend, CHECKPOINT_SCHEDULER_ID, config.historyCheckpointEverySeconds * 1000, { name: JobName.HistoryCheckpoint, data: {} });
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }
}
