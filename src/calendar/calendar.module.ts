import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CalendarAdminService } from './calendar-admin.service.js';
import { CalendarBootstrap } from './calendar-bootstrap.js';
import { CalendarListeners } from './calendar-listeners.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';

/** The working-day calendar. Other modules inject CalendarService for deadlines and mark listeners with @OnCalendarChange(). */
@Module({
  imports: [DiscoveryModule],
  controllers: [CalendarController],
  providers: [CalendarService, CalendarAdminService, CalendarListeners, CalendarBootstrap],
  exports: [CalendarService],
})
export class CalendarModule {}
