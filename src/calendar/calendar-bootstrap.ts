import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { CalendarAdminService } from './calendar-admin.service.js';

/**
 * Loads the bundled State Council notices into a database that lacks them, in every process and every
 * mode (embedded, single server, production), so no deployment needs a manual seed for the calendar.
 */
@Injectable()
export class CalendarBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly admin: CalendarAdminService,
    private readonly cls: ClsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // @Transactional() keeps its transaction in CLS; start-up has no request to carry one.
    await this.cls.run(() => this.admin.loadBundledNotices());
  }
}
