import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PageQuery } from '../http/pagination.js';
import { COMMITMENT_CHECK_STATUSES, type CommitmentCheckStatus } from './commitment-check.entity.js';

export const CHECK_OUTCOMES = ['confirmed', 'false_commitment'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

export class CommitmentCheckListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COMMITMENT_CHECK_STATUSES })
  @IsOptional() @IsIn(COMMITMENT_CHECK_STATUSES)
  status?: CommitmentCheckStatus;
}

export class CommitmentCheckDecisionDto {
  @ApiProperty({ enum: CHECK_OUTCOMES, description: 'confirmed: the premises are as committed (the check closes); false_commitment: the licence is revoked' })
  @IsIn(CHECK_OUTCOMES, { message: `outcome must be one of ${CHECK_OUTCOMES.join(', ')}` })
  outcome: CheckOutcome;

  @ApiPropertyOptional({ example: '现场核查：疏散通道被占用，消防设施与承诺不符', maxLength: 2000, description: 'what was found; required for false_commitment (the revocation reason)' })
  @ValidateIf((dto: CommitmentCheckDecisionDto) => dto.outcome === 'false_commitment' || dto.note !== undefined)
  @IsString() @MaxLength(2000) @Matches(/\S/, { message: 'note must not be empty: a false commitment needs the reason' })
  note?: string;
}

export class CommitmentCheckView {
  @ApiProperty() id: string;
  @ApiProperty() caseId: string;
  @ApiProperty() caseNo: string;
  @ApiProperty() serviceItemCode: string;
  @ApiProperty() departmentCode: string;
  @ApiProperty({ enum: COMMITMENT_CHECK_STATUSES }) status: CommitmentCheckStatus;
  @ApiProperty({ example: '2026-12-31', description: 'the China date by which the check is due' }) dueDate: string;
  @ApiProperty({ description: 'still open after its due date' }) overdue: boolean;
  @ApiProperty() openedAt: Date;
  @ApiProperty({ type: String, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) decidedByName: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: [String], description: 'licences revoked because the commitment was false' }) revokedCertificates: string[];
}

export class CommitmentCheckPage {
  @ApiProperty({ type: [CommitmentCheckView] }) items: CommitmentCheckView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
