import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { UuidParamPipe } from '../http/path-params.js';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { PageQuery, type Page } from '../http/pagination.js';
import { CreateWebhookDto, DeliveryPage, DeliveryView, UpdateWebhookDto, WebhookList, WebhookView } from './webhook.dto.js';
import { WebhooksService } from './webhooks.service.js';

const TARGET_PROBLEMS = '`webhook.target_not_allowed`: the URL resolves to a loopback, private or link-local address; `webhook.target_unresolvable`';

@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('admin')
@ApiForbiddenResponse({ description: 'Admins only' })
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({ summary: 'Registers a system to receive case events, signed with its secret' })
  @ApiCreatedResponse({ type: WebhookView })
  @ApiBadRequestResponse({ description: '`validation.failed`: url, events or secret' })
  @ApiUnprocessableEntityResponse({ description: TARGET_PROBLEMS })
  create(@Body() dto: CreateWebhookDto, @CurrentUser() caller: Caller): Promise<WebhookView> {
    return this.webhooks.create(dto, caller.id);
  }

  @Get()
  @ApiOperation({ summary: 'The registered webhooks (secrets are never shown)' })
  @ApiOkResponse({ type: WebhookList })
  list(): Promise<WebhookList> {
    return this.webhooks.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook' })
  @ApiOkResponse({ type: WebhookView })
  @ApiNotFoundResponse({ description: '`webhook.not_found`' })
  get(@Param('id', UuidParamPipe) id: string): Promise<WebhookView> {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Changes the URL, events, secret or active flag' })
  @ApiOkResponse({ type: WebhookView })
  @ApiBadRequestResponse({ description: '`validation.failed`' })
  @ApiNotFoundResponse({ description: '`webhook.not_found`' })
  @ApiUnprocessableEntityResponse({ description: TARGET_PROBLEMS })
  update(@Param('id', UuidParamPipe) id: string, @Body() dto: UpdateWebhookDto): Promise<WebhookView> {
    return this.webhooks.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deactivates a webhook; its deliveries stay listed' })
  @ApiNoContentResponse({ description: 'Deactivated' })
  @ApiNotFoundResponse({ description: '`webhook.not_found`' })
  remove(@Param('id', UuidParamPipe) id: string): Promise<void> {
    return this.webhooks.remove(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Deliveries to this webhook, newest first, each with its attempts' })
  @ApiOkResponse({ type: DeliveryPage })
  @ApiBadRequestResponse({ description: '`pagination.bad_cursor`, `validation.failed`' })
  @ApiNotFoundResponse({ description: '`webhook.not_found`' })
  deliveries(@Param('id', UuidParamPipe) id: string, @Query() query: PageQuery): Promise<Page<DeliveryView>> {
    return this.webhooks.deliveries(id, query);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sends a failed delivery again, with the same X-Ywtb-Delivery id' })
  @ApiOkResponse({ type: DeliveryView })
  @ApiNotFoundResponse({ description: '`webhook_delivery.not_found`' })
  @ApiConflictResponse({ description: '`webhook_delivery.not_failed`: pending or delivered' })
  redeliver(@Param('id', UuidParamPipe) id: string, @Param('deliveryId', UuidParamPipe) deliveryId: string): Promise<DeliveryView> {
    return this.webhooks.redeliver(id, deliveryId);
  }
}
