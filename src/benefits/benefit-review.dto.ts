import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../http/pagination.js';
import { SUBJECT_TYPES, type SubjectType } from '../registry/registry-records.js';

export const REVIEW_STATUSES = ['open', 'kept', 'revoked'] as const;
export const REVIEW_DECISIONS = ['keep', 'revoke'] as const;

export class ReviewQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES, default: 'open' })
  @IsOptional() @IsIn(REVIEW_STATUSES)
  status?: (typeof REVIEW_STATUSES)[number];

  @ApiPropertyOptional()
  @IsOptional() @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'policyCode is not a policy code' })
  policyCode?: string;
}

export class ResolveReviewDto {
  @ApiProperty({ enum: REVIEW_DECISIONS, description: 'keep the grant, or revoke it (the holder is told)' })
  @IsIn(REVIEW_DECISIONS)
  decision: (typeof REVIEW_DECISIONS)[number];

  @ApiPropertyOptional({ example: '收入增加系一次性补发工资，维持补贴' })
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}

export class ReviewView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() grantId: string;
  @ApiProperty() policyCode: string;
  @ApiProperty() policyName: string;
  @ApiProperty({ enum: SUBJECT_TYPES }) subjectType: SubjectType;
  @ApiProperty() subjectId: string;
  @ApiProperty({ description: 'Masked for a person' }) subjectName: string;
  @ApiProperty({ description: 'ID number or credit code, masked' }) subjectKey: string;
  @ApiProperty() period: string;
  @ApiProperty({ enum: ['no_longer_eligible', 'rule_failed'] }) reason: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The facts the rule read when the subject stopped qualifying' })
  facts: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, description: 'The import whose change caused the review' }) importId: string | null;
  @ApiProperty({ enum: REVIEW_STATUSES }) status: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) resolvedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class ReviewPage {
  @ApiProperty({ type: [ReviewView] }) items: ReviewView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
