import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CertificatesModule } from '../certificates/certificates.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { JointApprovalJobs } from './joint-approval.jobs.js';

@Module({ imports: [CasesModule, CatalogModule, CertificatesModule, CalendarModule, NotificationsModule], providers: [JointApprovalJobs] })
export class JointApprovalModule {}
