import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { JobSchedule } from '../queue/job-schedule.js';
import { QueueBackend } from '../queue/queue-backend.js';
import { JobName } from '../queue/queue-names.js';

/** Once a minute, for the whole cluster: SMS held by quiet hours go out when the morning comes. */
@Injectable()
export class HeldNotificationsScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly schedule: JobSchedule;

  constructor(backend: QueueBackend) {
    this.schedule = new JobSchedule(backend, 'notifications-release-held', 60_000, { name: JobName.ReleaseHeldNotifications, data: {} });
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }
}
