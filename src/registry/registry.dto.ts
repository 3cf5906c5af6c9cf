import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQuery } from '../http/pagination.js';
import { SUBJECT_TYPES, type SubjectType } from './registry-records.js';

export class LineProblemView {
  @ApiProperty({ type: String, nullable: true, example: 'idNumber', description: 'null when the whole line is unreadable' })
  field: string | null;

  @ApiProperty({ example: 'id.checksum' })
  code: string;

  @ApiProperty({ example: 'idNumber: The check character does not match: a digit is probably mistyped' })
  message: string;
}

export class RejectedLineView {
  @ApiProperty({ example: 7, description: 'Counts from 1; in CSV the header is line 1' })
  line: number;

  @ApiProperty({ example: 'id.checksum', description: 'The first problem of the line' })
  code: string;

  @ApiProperty({ example: 'idNumber: The check character does not match: a digit is probably mistyped' })
  message: string;

  @ApiProperty({ type: [LineProblemView], description: 'Every problem of the line' })
  errors: LineProblemView[];
}

export class ImportResultView {
  @ApiProperty({ format: 'uuid' })
  importId: string;

  @ApiProperty({ description: 'Data lines read (CSV: without the header; blank lines are skipped)' })
  lines: number;

  @ApiProperty({ description: 'Records created' })
  imported: number;

  @ApiProperty({ description: 'Existing records changed' })
  updated: number;

  @ApiProperty({ description: 'Lines identical to the stored record: nothing written' })
  unchanged: number;

  @ApiProperty({ type: [RejectedLineView], description: 'The first 1,000 rejected lines, in line order' })
  rejected: RejectedLineView[];

  @ApiProperty({ description: 'All rejected lines, also those beyond the first 1,000' })
  rejectedCount: number;
}

export class ImportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SUBJECT_TYPES }) subjectType: SubjectType;
  @ApiProperty({ enum: ['csv', 'jsonl'] }) format: string;
  @ApiProperty({ enum: ['api', 'generator'] }) source: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: string;
  @ApiProperty() lines: number;
  @ApiProperty() imported: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() rejectedCount: number;
  @ApiProperty({ type: [RejectedLineView] }) rejected: RejectedLineView[];
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() startedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;
}

export class ChangeView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SUBJECT_TYPES }) subjectType: SubjectType;
  @ApiProperty({ description: 'The registry id of the person or enterprise' }) subjectId: string;
  @ApiProperty({ format: 'uuid' }) importId: string;
  @ApiProperty({ enum: ['created', 'updated'] }) kind: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { monthlyIncome: { old: 2350, new: 4100 } },
    description: "`{ field: { old, new } }` for an update; null for a created record. A person's name, ID number, phone and birth date are masked",
  })
  changes: Record<string, { old: unknown; new: unknown }> | null;
  @ApiProperty() changedAt: Date;
}

export class ChangePage {
  @ApiProperty({ type: [ChangeView] }) items: ChangeView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ChangesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'The person whose changes to list', example: '220102194209081022' })
  @IsOptional() @Matches(/^\d{17}[\dX]$/, { message: 'idNumber must be 17 digits followed by a digit or X' })
  idNumber?: string;

  @ApiPropertyOptional({ description: 'The enterprise whose changes to list', example: '91220102MA17Q5C827' })
  @IsOptional() @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'uscc must be 18 digits or upper-case letters' })
  uscc?: string;
}
