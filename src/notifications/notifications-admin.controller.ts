import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { UuidParamPipe } from '../http/path-params.js';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Roles } from '../auth/auth.decorators.js';
import type { Notification } from './notification.entity.js';
import { NotificationsService } from './notifications.service.js';

export class AttentionQuery {
  @ApiPropertyOptional({ enum: ['failed', 'held'], default: 'failed' })
  @IsOptional() @IsIn(['failed', 'held'])
  status?: 'failed' | 'held';

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;
}

/** What an admin sees of an outgoing message: never the phone number or address (they stay on the account). */
export class OutgoingNotificationView {
  @ApiProperty({ format: 'uuid', description: 'Also the `id` the SMS gateway received' }) id: string;
  @ApiProperty({ format: 'uuid' }) recipientId: string;
  @ApiProperty({ enum: ['in-app', 'sms', 'email'] }) channel: string;
  @ApiProperty() template: string;
  @ApiProperty({ enum: ['pending', 'held', 'delivered', 'failed'] }) status: string;
  @ApiProperty() deliveryAttempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'A held SMS goes out then' }) notBefore: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class OutgoingNotificationList {
  @ApiProperty({ type: [OutgoingNotificationView] }) items: OutgoingNotificationView[];
}

const view = (row: Notification): OutgoingNotificationView => ({
  id: row.id,
  recipientId: row.recipientId,
  channel: row.channel,
  template: row.template,
  status: row.status,
  deliveryAttempts: row.deliveryAttempts,
  lastError: row.lastError,
  caseId: row.caseId,
  notBefore: row.notBefore?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin')
@Controller('notifications')
export class NotificationsAdminController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'SMS and e-mail that failed every attempt (`status=failed`) or wait out quiet hours (`status=held`), newest first' })
  @ApiOkResponse({ type: OutgoingNotificationList })
  @ApiForbiddenResponse({ description: 'Admins only' })
  async attention(@Query() query: AttentionQuery): Promise<OutgoingNotificationList> {
    return { items: (await this.notifications.attention(query.status ?? 'failed', query.limit ?? 100)).map(view) };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sends a failed message again: a fresh round of attempts under the same id' })
  @ApiOkResponse({ type: OutgoingNotificationView })
  @ApiNotFoundResponse({ description: '`notification.not_found`' })
  @ApiConflictResponse({ description: '`notification.not_failed`: it is pending, held or delivered' })
  async retry(@Param('id', UuidParamPipe) id: string): Promise<OutgoingNotificationView> {
    return view(await this.notifications.retry(id));
  }
}
