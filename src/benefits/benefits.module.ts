import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { UsersModule } from '../users/users.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { BenefitsJobs } from './benefits.jobs.js';
import { BenefitGrantsController } from './benefit-grants.controller.js';
import { BenefitGrantsService } from './benefit-grants.service.js';
import { BenefitPoliciesController } from './benefit-policies.controller.js';
import { BenefitPoliciesService } from './benefit-policies.service.js';
import { BenefitReevaluationService } from './benefit-reevaluation.service.js';
import { BenefitReviewsController } from './benefit-reviews.controller.js';
import { BenefitReviewsService } from './benefit-reviews.service.js';
import { BenefitRunsController } from './benefit-runs.controller.js';
import { BenefitRunsService } from './benefit-runs.service.js';

/** 免申即享: policies over the registry, set-based grant runs, re-evaluation on registry changes, reviews. */
@Module({
  imports: [NotificationsModule, WebhooksModule, AuditModule, CatalogModule, UsersModule],
  controllers: [BenefitPoliciesController, BenefitRunsController, BenefitGrantsController, BenefitReviewsController],
  providers: [BenefitsJobs, BenefitPoliciesService, BenefitRunsService, BenefitGrantsService, BenefitReevaluationService, BenefitReviewsService],
  exports: [BenefitRunsService],
})
export class BenefitsModule {}
