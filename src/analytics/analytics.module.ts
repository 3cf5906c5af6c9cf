import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { AnalyticsController } from './analytics.controller.js';
import { AnalyticsService } from './analytics.service.js';

/** Supervisor reports: turnaround and ratings per service item, department and clerk, as JSON or CSV. */
@Module({ imports: [CalendarModule], controllers: [AnalyticsController], providers: [AnalyticsService] })
export class AnalyticsModule {}
