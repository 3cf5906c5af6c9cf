import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { UuidParamPipe } from '../../http/path-params.js';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Caller } from '../../auth/auth.decorators.js';
import type { Page } from '../../http/pagination.js';
import { InboxNoticeView, InboxPage, InboxQuery, UnreadCountView } from './inbox.dto.js';
import { InboxService } from './inbox.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('my/notifications')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: "The caller's inbox, newest first; `unread=true` for the unread notices only" })
  @ApiOkResponse({ type: InboxPage })
  @ApiBadRequestResponse({ description: '`validation.failed` (`unread`, `limit`), `pagination.bad_cursor`' })
  list(@CurrentUser() caller: Caller, @Query() query: InboxQuery): Promise<Page<InboxNoticeView>> {
    return this.inbox.list(caller.id, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many notices the caller has not read (the bell)' })
  @ApiOkResponse({ type: UnreadCountView })
  unreadCount(@CurrentUser() caller: Caller): Promise<UnreadCountView> {
    return this.inbox.unreadCount(caller.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks one of the caller’s notices read (repeatable)' })
  @ApiOkResponse({ type: InboxNoticeView })
  @ApiBadRequestResponse({ description: '`validation.failed`: the id is not a UUID' })
  @ApiNotFoundResponse({ description: '`notification.not_found`: no such notice, or another user’s' })
  read(@CurrentUser() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<InboxNoticeView> {
    return this.inbox.markRead(caller.id, id);
  }
}
