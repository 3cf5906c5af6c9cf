import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BenefitsModule } from './benefits/benefits.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CasesModule } from './cases/cases.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { CertificatesModule } from './certificates/certificates.module.js';
import type { AppConfig } from './config/app-config.js';
import { AppConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { FilesModule } from './files/files.module.js';
import { HealthModule } from './health/health.module.js';
import { JointApprovalModule } from './joint-approval/joint-approval.module.js';
import { KeysModule } from './keys/keys.module.js';
import { loggerParams } from './http/logging.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ObservabilityModule } from './observability/observability.module.js';
import { OperationsModule } from './operations/operations.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { QueueModule } from './queue/queue.module.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { RatingTicketsModule } from './rating-tickets/rating-tickets.module.js';
import { WorkflowMigrationsModule } from './workflow-migrations/workflow-migrations.module.js';
import { CommitmentDecisionsModule } from './commitment-decisions/commitment-decisions.module.js';
import { RegistryModule } from './registry/registry.module.js';
import { entities } from './schema.js';
import { RiskMonitorModule } from './risk-monitor/risk-monitor.module.js';
import { SubstitutesModule } from './substitutes/substitutes.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { TimersModule } from './timers/timers.module.js';
import { ClockModule } from './time/clock.service.js';
import { UsersModule } from './users/users.module.js';
import { WorkflowsModule } from './workflows/workflows.module.js';
import { WebModule } from './web/web.module.js';
import { AgentsModule } from './agents/agents.module.js';
import { CounterModule } from './counter/counter.module.js';
import { IdentityModule } from './identity/identity.module.js';

@Module({})
export class AppModule {
  /** The whole application for one process; `databaseUrl` is the configured one or the embedded server's. */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        KeysModule,
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseModule.forRoot(databaseUrl, entities),
        QueueModule,
        ClockModule,
        TimersModule,
        // Before AuthModule: its guard must run first (see RateLimitModule).
        RateLimitModule.forRoot(config),
        AuthModule,
        IdentityModule,
        AgentsModule,
        CounterModule,
        UsersModule,
        CatalogModule,
        CalendarModule,
        WorkflowsModule,
        WorkflowMigrationsModule,
        NotificationsModule,
        WebhooksModule,
        FilesModule,
        CertificatesModule,
        CasesModule,
        RatingTicketsModule,
        CommitmentDecisionsModule,
        TasksModule,
        SubstitutesModule,
        JointApprovalModule,
        RegistryModule,
        BenefitsModule,
        RiskMonitorModule,
        AnalyticsModule,
        AuditModule,
        HealthModule,
        OperationsModule,
        ObservabilityModule,
        WebModule.forRoot(),
      ],
    };
  }
}
