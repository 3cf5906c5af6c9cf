import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SUBJECT_TYPES, type SubjectType } from '../registry/registry-records.js';
import { BENEFIT_PERIODS, type BenefitPeriod } from './benefit-period.js';

export class CreatePolicyVersionDto {
  @ApiProperty({ example: '高龄津贴（80周岁以上）' })
  @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiProperty({
    description: 'CEL over `person` or `enterprise` (API.md, "Proactive benefits"); must translate exactly to SQL',
    example: "person.age >= 80 && person.hukouDistrict == '南关区'",
  })
  @IsString() @MinLength(1) @MaxLength(4000)
  rule: string;

  @ApiProperty({ description: 'Yuan per period, at most two decimals', example: 100 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0.01) @Max(9_999_999_999.99)
  amount: number;

  @ApiProperty({ enum: BENEFIT_PERIODS, example: 'monthly', description: 'Grants are unique per policy, subject and period' })
  @IsIn(BENEFIT_PERIODS)
  period: BenefitPeriod;
}

export class CreatePolicyDto extends CreatePolicyVersionDto {
  @ApiProperty({ example: 'elderly-allowance-80', description: 'Stable identifier: letters, digits, dot, dash, underscore' })
  @IsString() @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: 'code must be 2–64 letters, digits, dots, dashes or underscores' })
  code: string;

  @ApiProperty({ enum: SUBJECT_TYPES, example: 'person' })
  @IsIn(SUBJECT_TYPES)
  subjectType: SubjectType;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'civil-affairs', description: 'Whose clerks review subjects who stop qualifying' })
  @IsOptional() @IsString()
  departmentCode?: string | null;
}

/** A rule to check while the admin types it (POST /api/benefit-policies/validate): nothing is stored. */
export class ValidateRuleDto {
  @ApiProperty({ enum: SUBJECT_TYPES, example: 'person' })
  @IsIn(SUBJECT_TYPES)
  subjectType: SubjectType;

  @ApiProperty({ example: "person.age >= 80 && person.hukouDistrict == '南关区'" })
  @IsString() @MaxLength(4000)
  rule: string;
}

export class RuleErrorView {
  @ApiProperty({ example: 'rule' }) path: string;
  @ApiProperty() message: string;
  @ApiProperty({ example: 'no_such_overload' }) code: string;
  @ApiProperty() start: number;
  @ApiProperty() end: number;
  @ApiProperty() line: number;
  @ApiProperty() column: number;
}

export class RuleValidationView {
  @ApiProperty() valid: boolean;
  @ApiPropertyOptional({ type: [RuleErrorView] }) errors?: RuleErrorView[];
  @ApiPropertyOptional({ example: '年满 80 周岁，户籍在南关区', description: 'the rule in plain Chinese, when valid' }) plain?: string;
}

export class UpdatePolicyDto {
  @ApiPropertyOptional({ description: 'Inactive policies are left out of runs and re-evaluations; grants made stay' })
  @IsOptional() @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional() @IsString()
  departmentCode?: string | null;
}

export class PolicyVersionView {
  @ApiProperty() version: number;
  @ApiProperty() name: string;
  @ApiProperty() rule: string;
  @ApiProperty({ type: [String], example: ['person.age', 'person.hukouDistrict'] }) variablesUsed: string[];
  @ApiProperty({ example: 100 }) amount: number;
  @ApiProperty({ enum: BENEFIT_PERIODS }) period: BenefitPeriod;
  @ApiProperty() createdAt: Date;
}

export class PolicyView extends PolicyVersionView {
  @ApiProperty() code: string;
  @ApiProperty({ enum: SUBJECT_TYPES }) subjectType: SubjectType;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, nullable: true }) departmentCode: string | null;
}

export class PolicyDetailView extends PolicyView {
  @ApiProperty({ type: [PolicyVersionView], description: 'Every version, newest first' }) versions: PolicyVersionView[];
}

export class PolicyPage {
  @ApiProperty({ type: [PolicyView] }) items: PolicyView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
