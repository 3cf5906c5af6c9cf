import { NotificationDeliveryJobs } from './notification-delivery.jobs.js';
import { Module } from '@nestjs/common';
import { MailSender } from './email/mail-sender.js';
import { HeldNotificationsScheduler } from './held-notifications.scheduler.js';
import { InboxController } from './inbox/inbox.controller.js';
import { InboxService } from './inbox/inbox.service.js';
import { NotificationDelivery } from './notification-delivery.service.js';
import { NotificationsAdminController } from './notifications-admin.controller.js';
import { NotificationsService } from './notifications.service.js';
import { RetryPlanner } from './retry-policy.js';
import { ImmediateSmsService } from './sms/immediate-sms.service.js';
import { SmsGateway } from './sms/sms-gateway.js';

/** Notices to people: the inbox, SMS (signed HTTP gateway) and e-mail (SMTP), all through the outbox. */
@Module({
  controllers: [InboxController, NotificationsAdminController],
  providers: [NotificationsService, NotificationDelivery, NotificationDeliveryJobs, InboxService, SmsGateway, ImmediateSmsService, MailSender, RetryPlanner, HeldNotificationsScheduler],
  exports: [NotificationsService, ImmediateSmsService, RetryPlanner],
})
export class NotificationsModule {}
