import { Global, Module } from '@nestjs/common';
import { TimerReconciler } from './timer-reconciler.service.js';
import { TimersService } from './timers.service.js';

/** The `timer` table, its service and the reconciler that keeps the queue backend in line with it. */
@Global()
@Module({
  providers: [TimersService, TimerReconciler],
  exports: [TimersService, TimerReconciler],
})
export class TimersModule {}
