import { Module } from '@nestjs/common';
import { PersonalDataAccessController } from './personal-data-access.controller.js';
import { PersonalDataAccessInterceptor } from './personal-data-access.interceptor.js';
import { PersonalDataAccessLog } from './personal-data-access.service.js';

/**
 * Audit trails of the system (`/api/audit/...`). Here the access log of personal data: modules whose
 * routes show personal data import this module and mark those routes with @RecordsPersonalDataAccess.
 */
@Module({
  controllers: [PersonalDataAccessController],
  providers: [PersonalDataAccessLog, PersonalDataAccessInterceptor],
  exports: [PersonalDataAccessLog, PersonalDataAccessInterceptor],
})
export class AuditModule {}
