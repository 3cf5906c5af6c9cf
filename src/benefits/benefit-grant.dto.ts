import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../http/pagination.js';
import { SUBJECT_TYPES, type SubjectType } from '../registry/registry-records.js';
import type { BenefitGrantStatus } from './benefit-grant.entity.js';

export const GRANT_STATUSES = ['granted', 'declined', 'revoked'] as const;

export class GrantQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'elderly-allowance-80' })
  @IsOptional() @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'policyCode is not a policy code' })
  policyCode?: string;

  @ApiPropertyOptional({ description: 'A registry id (with subjectType when both registries may hold it)' })
  @IsOptional() @Matches(/^\d{1,19}$/, { message: 'subjectId must be a registry id' })
  subjectId?: string;

  @ApiPropertyOptional({ enum: SUBJECT_TYPES })
  @IsOptional() @IsIn(SUBJECT_TYPES)
  subjectType?: SubjectType;

  @ApiPropertyOptional({ description: 'All grants of one person', example: '220102194209081022' })
  @IsOptional() @Matches(/^\d{17}[\dX]$/, { message: 'idNumber must be 17 digits followed by a digit or X' })
  idNumber?: string;

  @ApiPropertyOptional({ description: 'All grants of one enterprise', example: '91220102MA17Q5C827' })
  @IsOptional() @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: 'uscc must be 18 digits or upper-case letters' })
  uscc?: string;

  @ApiPropertyOptional({ enum: GRANT_STATUSES })
  @IsOptional() @IsIn(GRANT_STATUSES)
  status?: BenefitGrantStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'The grants one run made' })
  @IsOptional() @IsUUID()
  runId?: string;
}

export class GrantView {
  @ApiProperty() id: string;
  @ApiProperty() policyCode: string;
  @ApiProperty({ example: '高龄津贴（80周岁以上）' }) policyName: string;
  @ApiProperty() policyVersion: number;
  @ApiProperty({ enum: SUBJECT_TYPES }) subjectType: SubjectType;
  @ApiProperty({ description: 'The registry id of the person or enterprise' }) subjectId: string;
  @ApiProperty({ example: '李*', description: 'A person\'s name is masked; an enterprise\'s is public' }) subjectName: string;
  @ApiProperty({ example: '220***********1022', description: 'ID number or credit code, masked' }) subjectKey: string;
  @ApiProperty({ example: '2026-11' }) period: string;
  @ApiProperty({ example: 100 }) amount: number;
  @ApiProperty({ enum: GRANT_STATUSES }) status: BenefitGrantStatus;
  @ApiProperty() grantedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) declinedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) revokedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'The run that granted it' }) runId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The registry import whose change granted it' }) importId: string | null;
}

/** The rule and the facts said in plain Chinese (libs/rules explain.ts). */
export class PlainExplanationView {
  @ApiProperty({ example: '年满 80 周岁，户籍在南关区' }) rule: string;
  @ApiProperty({ type: [String], example: ['84 岁', '户籍南关区'] }) facts: string[];
}

export class ExplanationView {
  @ApiProperty({ example: "person.age >= 80 && person.hukouDistrict == '南关区'" }) rule: string;
  @ApiProperty() policyCode: string;
  @ApiProperty() policyVersion: number;
  @ApiProperty({ example: '2026-11-03', description: 'The China date the facts were read at' }) asOf: string;
  @ApiProperty() period: string;
  @ApiProperty({ type: [String], example: ['person.age', 'person.hukouDistrict'] }) variablesUsed: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, example: { 'person.age': 84, 'person.hukouDistrict': '南关区' } })
  facts: Record<string, unknown>;
  @ApiProperty({ enum: ['run', 'registry-change'], description: 'A grant run, or a registry change re-evaluated on its own' })
  trigger: 'run' | 'registry-change';
  @ApiProperty({
    type: PlainExplanationView,
    example: { rule: '年满 80 周岁，户籍在南关区', facts: ['84 岁', '户籍南关区'] },
    description: 'The rule and the facts in plain Chinese, from the rule\'s syntax tree and the registry fields\' labels (libs/rules explain.ts)',
  })
  plain: PlainExplanationView;
}

export class GrantDetailView extends GrantView {
  @ApiProperty({ type: ExplanationView, description: "Staff see a person's name, ID number, phone and birth date masked in `facts`" })
  explanation: ExplanationView;
  @ApiProperty({ description: 'true when an admin revealed the unmasked values (POST /api/benefit-grants/:id/reveal)' }) revealed: boolean;
}

/** An admin's reason to see a grant's personal facts unmasked: recorded in the access log with the read. */
export class RevealGrantDto {
  @ApiProperty({ example: '核对高龄津贴发放对象身份（工单 2026-118）', minLength: 5, maxLength: 500 })
  @IsString() @MinLength(5) @MaxLength(500)
  purpose: string;
}

export class GrantPage {
  @ApiProperty({ type: [GrantDetailView] }) items: GrantDetailView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
