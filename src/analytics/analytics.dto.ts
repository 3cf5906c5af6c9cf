import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ExportQuery } from '../reporting/csv-export.js';
import { DATE_OR_INSTANT, DATE_OR_INSTANT_MESSAGE } from '../reporting/report-range.js';

export const TURNAROUND_GROUPS = ['serviceItem', 'department', 'clerk'] as const;
export type TurnaroundGroup = (typeof TURNAROUND_GROUPS)[number];
export const RATING_GROUPS = ['serviceItem', 'department'] as const;
export type RatingGroup = (typeof RATING_GROUPS)[number];

class ReportRange extends ExportQuery {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'Start (a China date counts from its midnight); default: 30 days before `to`' })
  @IsOptional() @Matches(DATE_OR_INSTANT, { message: DATE_OR_INSTANT_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'End, exclusive for an instant; a China date includes that whole day. Default: now' })
  @IsOptional() @Matches(DATE_OR_INSTANT, { message: DATE_OR_INSTANT_MESSAGE })
  to?: string;

  @ApiPropertyOptional({ description: 'Only cases of this service item' })
  @IsOptional() @IsString() @MaxLength(64)
  serviceItemCode?: string;

  @ApiPropertyOptional({ description: 'Only cases of this department' })
  @IsOptional() @IsString() @MaxLength(64)
  departmentCode?: string;
}

export class TurnaroundQuery extends ReportRange {
  @ApiPropertyOptional({ enum: TURNAROUND_GROUPS, default: 'serviceItem', description: 'clerk: the last staff member who decided on the case' })
  @IsOptional() @IsIn(TURNAROUND_GROUPS)
  groupBy?: TurnaroundGroup;
}

export class RatingsQuery extends ReportRange {
  @ApiPropertyOptional({ enum: RATING_GROUPS, default: 'serviceItem' })
  @IsOptional() @IsIn(RATING_GROUPS)
  groupBy?: RatingGroup;
}

export class TurnaroundRow {
  @ApiProperty({ description: 'Service item code, department code, or the clerk\'s username ("(system)": no person decided)' }) key: string;
  @ApiProperty({ type: String, nullable: true, description: 'Its name' }) label: string | null;
  @ApiProperty({ description: 'Cases decided in the range' }) count: number;
  @ApiProperty({ description: 'Median working hours from acceptance to decision (office hours of working days)' }) p50Hours: number;
  @ApiProperty({ description: '90th percentile, working hours' }) p90Hours: number;
  @ApiProperty({ description: 'Share decided at or after the promised deadline (承诺时限)' }) overdueRate: number;
  @ApiProperty({ description: 'Share decided at or after the statutory deadline (法定时限)' }) statutoryOverdueRate: number;
}

export class TurnaroundReport {
  @ApiProperty({ enum: TURNAROUND_GROUPS }) groupBy: TurnaroundGroup;
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({ type: [TurnaroundRow] }) items: TurnaroundRow[];
}

export class RatingRow {
  @ApiProperty({ description: 'Service item (or bundle) code, or department code' }) key: string;
  @ApiProperty({ type: String, nullable: true }) label: string | null;
  @ApiProperty() count: number;
  @ApiProperty({ description: 'Mean score, 1–5' }) average: number;
  @ApiProperty({ description: 'Ratings of 1 or 2 (差评)' }) low: number;
}

export class RatingsReport {
  @ApiProperty({ enum: RATING_GROUPS }) groupBy: RatingGroup;
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({ type: [RatingRow] }) items: RatingRow[];
}

export class RatingTicketsQuery extends ReportRange {}

export class RatingTicketRow {
  @ApiProperty({ description: 'Department code' }) key: string;
  @ApiProperty({ type: String, nullable: true }) label: string | null;
  @ApiProperty({ description: '差评 tickets opened in the range' }) opened: number;
  @ApiProperty({ description: 'Tickets closed in the range (either outcome)' }) closed: number;
  @ApiProperty({ description: 'Of those, closed because an appeal was upheld (the rating no longer counts)' }) appealsUpheld: number;
  @ApiProperty({ description: 'Closed in the range by their due date' }) closedOnTime: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Mean calendar days from opening to closing, of the tickets closed in the range' }) averageTurnaroundDays: number | null;
  @ApiProperty({ description: 'Not closed, now' }) open: number;
  @ApiProperty({ description: 'Not closed and past the due date, now' }) overdue: number;
}

export class RatingTicketsReport {
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({ type: [RatingTicketRow] }) items: RatingTicketRow[];
}
