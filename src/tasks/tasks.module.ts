import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

@Module({ imports: [CasesModule], controllers: [TasksController], providers: [TasksService] })
export class TasksModule {}
