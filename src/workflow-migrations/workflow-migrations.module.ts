import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { WorkflowMigrationsController } from './workflow-migrations.controller.js';
import { WorkflowMigrationsService } from './workflow-migrations.service.js';

/** Moving running cases to a newer definition version (issue 19). Owns no table: it goes through the cases' stores and engine. */
@Module({ imports: [CasesModule, WorkflowsModule, CalendarModule], controllers: [WorkflowMigrationsController], providers: [WorkflowMigrationsService] })
export class WorkflowMigrationsModule {}
