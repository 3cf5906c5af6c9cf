import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../http/pagination.js';
import { TICKET_OUTCOMES, TICKET_STATUSES, type TicketOutcome, type TicketStatus } from './ticket-rules.js';

export class RatingTicketListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional() @IsIn(TICKET_STATUSES)
  status?: TicketStatus;
}

export class TicketNoteDto {
  @ApiProperty({ example: '已电话回访申请人，了解到窗口等候时间过长', maxLength: 2000 })
  @IsString() @MaxLength(2000) @Matches(/\S/, { message: 'note must not be empty' })
  note: string;
}

export class TicketAppealDto {
  @ApiProperty({ example: '申请人因不符合条件被驳回，评价与服务无关，属恶意差评', maxLength: 2000 })
  @IsString() @MaxLength(2000) @Matches(/\S/, { message: 'reason must not be empty' })
  reason: string;
}

export class TicketAppealDecisionDto {
  @ApiProperty({ description: 'true: the rating was malicious — the ticket closes and the rating leaves the department’s score; false: back to work' })
  @IsBoolean()
  upheld: boolean;
}

export class TicketRecordView {
  @ApiProperty() note: string;
  @ApiProperty() by: string;
  @ApiProperty() byName: string;
  @ApiProperty() at: string;
}

export class TicketAppealView {
  @ApiProperty() reason: string;
  @ApiProperty() by: string;
  @ApiProperty() byName: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: Boolean, nullable: true }) upheld: boolean | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt: string | null;
}

export class RatingTicketView {
  @ApiProperty() id: string;
  @ApiProperty() caseId: string;
  @ApiProperty() caseNo: string;
  @ApiProperty({ type: String, nullable: true }) departmentCode: string | null;
  @ApiProperty({ minimum: 1, maximum: 2 }) score: number;
  @ApiProperty({ example: '非常不满意' }) scoreLabel: string;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatus;
  @ApiProperty({ enum: TICKET_OUTCOMES, nullable: true, description: 'once closed: resolved, or appeal_upheld (the rating no longer counts)' }) outcome: TicketOutcome | null;
  @ApiProperty({ example: '2026-12-25', description: 'the 15th working day after the rating' }) dueDate: string;
  @ApiProperty({ description: 'open and past dueDate (China time)' }) overdue: boolean;
  @ApiProperty({ type: [TicketRecordView], description: '回访 records' }) visits: TicketRecordView[];
  @ApiProperty({ type: TicketRecordView, nullable: true, description: '整改 record' }) rectification: TicketRecordView | null;
  @ApiProperty({ type: TicketAppealView, nullable: true }) appeal: TicketAppealView | null;
  @ApiProperty() openedAt: Date;
  @ApiProperty({ type: String, nullable: true }) closedAt: Date | null;
}

export class RatingTicketPage {
  @ApiProperty({ type: [RatingTicketView] }) items: RatingTicketView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
