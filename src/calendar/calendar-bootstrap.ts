import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { CalendarAdminService } from './calendar-admin.service.js';

/**
 * Loads the bundled State Council notices into a database that lacks them, in every process and every
 * mode (embedded, single server, production), so no deployment needs a manual seed for the calendar.
 * It runs at module init, before any worker starts (workers start at application bootstrap): on the
 * embedded database, which runs one transaction at a time, the workers' first queries would otherwise
 * interleave with this transaction and start-up would stall.
 */
@Injectable()
export class CalendarBootstrap implements OnModuleInit {
  constructor(
    private readonly admin: CalendarAdminService,
    private readonly cls: ClsService,
  ) {}

  async onModuleInit(): Promise<void> {
    // @Transactional() keeps its transaction in CLS; start-up has no request to carry one.
    await this.cls.run(() => this.admin.loadBundledNotices());
  }
}
