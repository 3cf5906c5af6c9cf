import { Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { JobSchedule } from '../queue/job-schedule.js';
import { QueueBackend } from '../queue/queue-backend.js';
import { JobName } from '../queue/queue-names.js';

/** Once a minute, for the whole cluster: deliveries whose worker died mid-send are queued again. */
@Injectable()
export class StrandedDeliveriesScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly schedule: JobSchedule;

  constructor(backend: QueueBackend) {
    this.schedule = new JobSchedule(backend, 'webhooks-requeue-stranded', 60_000, { name: JobName.RequeueStrandedWebhooks, data: {} });
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.schedule.stop();
  }
}
