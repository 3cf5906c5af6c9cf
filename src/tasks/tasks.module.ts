import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SubstitutesModule } from '../substitutes/substitutes.module.js';
import { UsersModule } from '../users/users.module.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

/** The work queues: claim, decide, assign, bulk, workload. The risk monitor reassigns escalated tasks through TasksService. */
@Module({
  imports: [CasesModule, CatalogModule, UsersModule, SubstitutesModule, NotificationsModule],
  controllers: [TasksController],
  providers: [TasksService],
  exports: [TasksService],
})
export class TasksModule {}
