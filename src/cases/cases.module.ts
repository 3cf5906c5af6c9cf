import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CertificatesModule } from '../certificates/certificates.module.js';
import { FilesModule } from '../files/files.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RatingTicketsModule } from '../rating-tickets/rating-tickets.module.js';
import { CommitmentChecksModule } from '../commitment-checks/commitment-checks.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { AgentsModule } from '../agents/agents.module.js';
import { UsersModule } from '../users/users.module.js';
import { CaseClockService } from './case-clock.service.js';
import { CaseTaskStore } from './case-task.store.js';
import { CaseStore } from './case.store.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CaseDeadlinesListener } from './case-deadlines.listener.js';
import { CaseEngine } from './case-engine.service.js';
import { CaseFiles } from './case-files.js';
import { CaseSubmissionService } from './case-submission.service.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { HistoryAuditService } from './history-audit.service.js';
import { HistoryCheckpointJobs } from './history-checkpoint.jobs.js';
import { HistoryCheckpointScheduler } from './history-checkpoint.scheduler.js';
import { HistoryCheckpointsController } from './history-checkpoints.controller.js';
import { WorkflowJobs } from './workflow.jobs.js';

@Module({
  imports: [CatalogModule, WorkflowsModule, CalendarModule, CertificatesModule, FilesModule, NotificationsModule, WebhooksModule, AuditModule, AgentsModule, UsersModule, RatingTicketsModule, CommitmentChecksModule],
  controllers: [CasesController, HistoryCheckpointsController],
  providers: [CaseStore, CaseTaskStore, CaseEngine, CaseClockService, CaseSubmissionService, CasesService, CaseFiles, WorkflowJobs, CaseDeadlinesListener, HistoryAuditService, HistoryCheckpointScheduler, HistoryCheckpointJobs],
  exports: [CaseStore, CaseTaskStore, CaseEngine, CaseClockService, CaseSubmissionService],
})
export class CasesModule {}
