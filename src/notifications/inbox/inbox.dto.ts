import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery } from '../../http/pagination.js';

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the notices not yet read' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class InboxNoticeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'case.correction_requested' }) template: string;
  @ApiProperty({ description: 'The notice in one line (Chinese)', example: '办件 NG20260302000123 需补正材料' }) title: string;
  @ApiProperty({ description: 'The template parameters (case number, item name, status, ...)', type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The case the notice is about; the pages link to it' }) caseId: string | null;
  @ApiProperty({ enum: ['pending', 'delivered'], description: 'In-app notices are delivered once their job ran' }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}

export class InboxPage {
  @ApiProperty({ type: [InboxNoticeView] }) items: InboxNoticeView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class UnreadCountView {
  @ApiProperty({ example: 3 }) unread: number;
}
