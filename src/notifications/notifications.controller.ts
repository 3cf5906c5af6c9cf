import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Caller } from '../auth/auth.decorators.js';
import { PageQuery, type Page } from '../http/pagination.js';
import type { Notification } from './notification.entity.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('my/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentUser() caller: Caller, @Query() query: PageQuery): Promise<Page<Notification>> {
    return this.notifications.list(caller.id, query);
  }
}
