import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { DATE_OR_INSTANT, DATE_OR_INSTANT_MESSAGE } from '../reporting/report-range.js';
import { ExportQuery } from '../reporting/csv-export.js';
import { PageQuery } from '../http/pagination.js';
import { SUBJECT_KINDS, type SubjectKind } from './personal-data-access.entity.js';

export class AccessLogQuery extends IntersectionType(PageQuery, ExportQuery) {
  @ApiPropertyOptional({ format: 'uuid', description: 'Reads by this staff member' })
  @IsOptional() @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: SUBJECT_KINDS })
  @IsOptional() @IsIn(SUBJECT_KINDS)
  subjectKind?: SubjectKind;

  @ApiPropertyOptional({ description: 'Reads of this record (a case or file id, a registry person id, a grant id)' })
  @IsOptional() @IsString() @MaxLength(64)
  subjectId?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'From this instant (a China date: from its midnight)' })
  @IsOptional() @Matches(DATE_OR_INSTANT, { message: DATE_OR_INSTANT_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Before this instant (a China date: that whole day included)' })
  @IsOptional() @Matches(DATE_OR_INSTANT, { message: DATE_OR_INSTANT_MESSAGE })
  to?: string;
}

export class AccessView {
  @ApiProperty() id: string;
  @ApiProperty() accessedAt: Date;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ example: 'clerk.market-regulation' }) username: string;
  @ApiProperty({ enum: SUBJECT_KINDS }) subjectKind: SubjectKind;
  @ApiProperty() subjectId: string;
  @ApiProperty({ example: 'GET /api/cases/:id', description: 'The route that served the read' }) purpose: string;
  @ApiProperty({ type: String, nullable: true, description: 'The request id (X-Request-Id) of the read' }) requestId: string | null;
  @ApiProperty({ description: 'true when the values were shown unmasked' }) revealed: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The purpose the reader stated for a reveal' }) statedPurpose: string | null;
}

export class AccessPage {
  @ApiProperty({ type: [AccessView] }) items: AccessView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
