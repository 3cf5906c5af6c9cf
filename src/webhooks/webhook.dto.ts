import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { WEBHOOK_EVENTS, type WebhookEvent } from './webhook-subscription.entity.js';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false, allow_underscores: true };

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://zwfw.jl.gov.cn/hooks/ywtb', description: 'http(s); loopback and private addresses are refused unless WEBHOOK_ALLOW_PRIVATE_TARGETS=true' })
  @IsString() @MaxLength(2000) @IsUrl(URL_OPTIONS, { message: 'url must be an http:// or https:// URL' })
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(WEBHOOK_EVENTS, { each: true })
  events: WebhookEvent[];

  @ApiProperty({ description: 'Signs every delivery (X-Ywtb-Signature); at least 16 characters; never shown again', minLength: 16 })
  @IsString() @MinLength(16) @MaxLength(200)
  secret: string;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional()
  @IsOptional() @IsString() @MaxLength(2000) @IsUrl(URL_OPTIONS, { message: 'url must be an http:// or https:// URL' })
  url?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(WEBHOOK_EVENTS, { each: true })
  events?: WebhookEvent[];

  @ApiPropertyOptional({ minLength: 16 })
  @IsOptional() @IsString() @MinLength(16) @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsBoolean()
  active?: boolean;
}

export class WebhookView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WebhookList {
  @ApiProperty({ type: [WebhookView] }) items: WebhookView[];
}

export class DeliveryAttemptView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: Number, nullable: true, description: "The subscriber's HTTP status; null when none came" }) statusCode: number | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() durationMs: number;
}

export class DeliveryView {
  @ApiProperty({ format: 'uuid', description: 'The X-Ywtb-Delivery header of every attempt' }) id: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS }) event: string;
  @ApiProperty({ description: 'Deliveries with one key (a case) arrive in order' }) orderKey: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The body sent: `{ id, event, occurredAt, data }`' }) payload: Record<string, unknown>;
  @ApiProperty({ type: [DeliveryAttemptView] }) attempts: DeliveryAttemptView[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
}

export class DeliveryPage {
  @ApiProperty({ type: [DeliveryView] }) items: DeliveryView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
