import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { UsersModule } from '../users/users.module.js';
import { OperationsBoard } from './operations-board.js';
import { OperationsController } from './operations.controller.js';
import { OperationsService } from './operations.service.js';

/** Admin endpoints over the queues, the outbox, timers and failed jobs, and the queue dashboard. */
@Module({
  imports: [AuthModule, UsersModule],
  controllers: [OperationsController],
  providers: [OperationsService, OperationsBoard],
  exports: [OperationsService, OperationsBoard],
})
export class OperationsModule {}
