import { Injectable } from '@nestjs/common';
import { JobHandler } from '../queue/job-handler.decorator.js';
import { JobName, type JobPayloads } from '../queue/queue-names.js';
import { NotificationDelivery } from './notification-delivery.service.js';

/** The `notifications` jobs: the delivery reloads and claims its row, and skips one already sent. */
@Injectable()
export class NotificationDeliveryJobs {
  constructor(private readonly delivery: NotificationDelivery) {}

  @JobHandler(JobName.DeliverNotification)
  deliver(payload: JobPayloads[JobName.DeliverNotification]) {
    return this.delivery.deliver(payload);
  }

  @JobHandler(JobName.ReleaseHeldNotifications)
  releaseHeld() {
    return this.delivery.releaseHeld();
  }
}
