import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { ExportQuery } from '../reporting/csv-export.js';
import { PageQuery } from '../http/pagination.js';
import { FLAG_KIND_CODES, FLAG_STATUSES, SEVERITIES, type FlagKind, type FlagStatus, type Severity } from './flag-kinds.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
export const MAX_FORECAST_ITEMS = 10_000;

export class ForecastQuery extends ExportQuery {
  @ApiPropertyOptional({ example: '2026-12-04T17:00:00+08:00', description: 'When the imagined scan runs (ISO-8601 with offset); default now' })
  @IsOptional() @Matches(INSTANT, { message: 'asOf must be an ISO-8601 date-time with offset, e.g. 2026-12-04T17:00:00+08:00' })
  asOf?: string;

  @ApiPropertyOptional({ enum: FLAG_KIND_CODES, description: 'decision_too_fast and auto_approval_sample look back, not ahead: only when named here' })
  @IsOptional() @IsIn(FLAG_KIND_CODES)
  kind?: FlagKind;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional() @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @MaxLength(64)
  departmentCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only what concerns this case' })
  @IsOptional() @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_FORECAST_ITEMS, default: 1000, description: 'Items answered, red first; `total` counts them all' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_FORECAST_ITEMS)
  limit?: number;
}

export class ForecastItem {
  @ApiProperty({ enum: FLAG_KIND_CODES }) kind: FlagKind;
  @ApiProperty({ enum: SEVERITIES }) severity: Severity;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) caseId: string | null;
  @ApiProperty({ type: String, nullable: true }) taskId: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentCode: string | null;
  @ApiProperty({ description: 'What the flag is about: one open flag per kind and target' }) targetKey: string;
  @ApiProperty({ description: 'A sentence for people' }) detail: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the monitor saw: deadlines, times, counts' }) facts: Record<string, unknown>;
}

export class ForecastView {
  @ApiProperty() asOf: Date;
  @ApiProperty({ description: 'Flags the scan would hold open, before `limit`' }) total: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'total per kind' }) counts: Partial<Record<FlagKind, number>>;
  @ApiProperty({ type: [ForecastItem] }) items: ForecastItem[];
}

export class FlagQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FLAG_STATUSES })
  @IsOptional() @IsIn(FLAG_STATUSES)
  status?: FlagStatus;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional() @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiPropertyOptional({ enum: FLAG_KIND_CODES })
  @IsOptional() @IsIn(FLAG_KIND_CODES)
  kind?: FlagKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  caseId?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @MaxLength(64)
  departmentCode?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: this page as CSV, the next cursor in the X-Next-Cursor header' })
  @IsOptional() @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class FlagView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FLAG_KIND_CODES }) kind: FlagKind;
  @ApiProperty({ enum: SEVERITIES }) severity: Severity;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) caseId: string | null;
  @ApiProperty({ type: String, nullable: true }) taskId: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentCode: string | null;
  @ApiProperty() targetKey: string;
  @ApiProperty() detectedAt: Date;
  @ApiProperty({ enum: FLAG_STATUSES }) status: FlagStatus;
  @ApiProperty({ description: 'A sentence for people' }) detail: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) facts: Record<string, unknown>;
  @ApiProperty({ description: '0 none, 1 the department was notified, 2 the supervisors were' }) escalationLevel: number;
  @ApiProperty({ type: Date, nullable: true }) acknowledgedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) acknowledgedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgeComment: string | null;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'null when the condition cleared by itself' }) resolvedBy: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['cleared', 'manual'] }) resolution: 'cleared' | 'manual' | null;
  @ApiProperty({ type: String, nullable: true }) resolutionComment: string | null;
}

export class FlagPage {
  @ApiProperty({ type: [FlagView] }) items: FlagView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AcknowledgeFlagDto {
  @ApiPropertyOptional({ maxLength: 2000, example: '已联系窗口，今日办结' })
  @IsOptional() @IsString() @MaxLength(2000)
  comment?: string;
}

export class ResolveFlagDto {
  @ApiProperty({ maxLength: 2000, example: '已核实：申请人补交材料延误，已督办' })
  @IsString() @IsNotEmpty() @MaxLength(2000) @Matches(/\S/, { message: 'comment must not be blank' })
  comment: string;
}

export class ScanCreatedView {
  @ApiProperty({ format: 'uuid' }) scanId: string;
}

export class ScanView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ enum: ['request', 'schedule'] }) trigger: string;
  @ApiProperty({ description: 'Flags this scan opened' }) flagged: number;
  @ApiProperty({ description: 'Flags this scan found cleared and resolved' }) resolved: number;
  @ApiProperty({ description: 'Flags this scan escalated' }) escalated: number;
  @ApiProperty({ description: 'Whether it also reviewed the decided cases (too fast, 秒批 sample)' }) reviewed: boolean;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) startedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
}
