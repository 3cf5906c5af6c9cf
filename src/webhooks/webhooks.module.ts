import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { StrandedDeliveriesScheduler } from './stranded-deliveries.scheduler.js';
import { WebhookDeliveryJobs } from './webhook-delivery.jobs.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/** Case events pushed to other systems (the provincial platform); owns webhook_subscription and webhook_delivery. */
@Module({
  imports: [NotificationsModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookDeliveryJobs, StrandedDeliveriesScheduler],
  exports: [WebhooksService],
})
export class WebhooksModule {}
