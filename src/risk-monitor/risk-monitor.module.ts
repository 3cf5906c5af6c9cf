import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RiskCheck } from './risk-check.service.js';
import { RiskDetection } from './risk-detection.service.js';
import { RiskEscalation } from './risk-escalation.service.js';
import { RiskFlagsController } from './risk-flags.controller.js';
import { RiskFlagsService } from './risk-flags.service.js';
import { RiskMonitorController } from './risk-monitor.controller.js';
import { RiskScanService } from './risk-scan.service.js';
import { RiskMonitorJobs } from './risk-monitor.jobs.js';
import { RiskScheduler } from './risk-scheduler.js';

/** 电子监察: red and yellow flags from a cluster-wide scheduled scan and from checks after each case change. */
@Module({
  imports: [CalendarModule, NotificationsModule, CasesModule, TasksModule],
  controllers: [RiskMonitorController, RiskFlagsController],
  providers: [RiskMonitorJobs, RiskDetection, RiskScanService, RiskCheck, RiskEscalation, RiskFlagsService, RiskScheduler],
})
export class RiskMonitorModule {}
