import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CASE_STATUSES } from '@app/workflow-engine';
import { PageQuery } from '../http/pagination.js';

export class MaterialRefDto {
  @ApiProperty({ example: 'businessLicense' })
  @IsString() @Matches(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { message: 'key must name a material of the item' })
  key: string;

  @ApiProperty({ description: 'id from POST /api/files' })
  @IsUUID()
  fileId: string;
}

export class SubmitCaseDto {
  @ApiPropertyOptional({ example: '2201-SC-0001', description: 'exactly one of serviceItemCode and bundleCode' })
  @IsOptional() @IsString() @MaxLength(64)
  serviceItemCode?: string;

  @ApiPropertyOptional({ example: 'open-restaurant' })
  @IsOptional() @IsString() @MaxLength(64)
  bundleCode?: string;

  @ApiProperty({
    description: "the application form, valid against the item's formSchema; for a bundle, ONE form filled from the bundle's merged formSchema (GET /api/bundles/:code); each child case receives the fields its item asks for",
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  form: Record<string, unknown>;

  @ApiProperty({ type: [MaterialRefDto] })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => MaterialRefDto)
  materials: MaterialRefDto[];

  @ApiPropertyOptional({ description: "代办: the account id of the person (or enterprise) you apply for; needs their authorisation (GET /api/my/principals), else 403" })
  @IsOptional() @IsUUID()
  onBehalfOf?: string;
}

export class AnswerCorrectionDto {
  @ApiProperty({ type: [MaterialRefDto] })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => MaterialRefDto)
  materials: MaterialRefDto[];

  @ApiPropertyOptional({ description: 'changed form fields; the whole form is validated again', type: 'object', additionalProperties: true })
  @IsOptional() @IsObject()
  form?: Record<string, unknown>;
}

export class RateCaseDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt() @Min(1) @Max(5)
  score: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional() @IsString() @MaxLength(500)
  comment?: string;
}

export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'finished'] })
  @IsOptional() @IsIn(['open', 'finished'])
  state?: 'open' | 'finished';
}

export class SubmittedCaseView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'NG2026-SC0001-000123' }) caseNo: string;
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' }) status: string;
  @ApiProperty({ type: String, nullable: true }) statutoryDeadline: Date | null;
  @ApiProperty({ type: String, nullable: true }) promisedDeadline: Date | null;
}

export class TimelineEntryView {
  @ApiProperty() at: Date;
  @ApiProperty() actor: string;
  @ApiProperty() action: string;
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty({ type: String, nullable: true }) to: string | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the department whose task this was, else the department running the case' }) department: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the absent clerk a substitute acted for (代岗); `actor` is the substitute' }) onBehalfOf: string | null;
}

export class JointParticipantView {
  @ApiProperty() department: string;
  @ApiProperty({ enum: ['deciding', 'approved', 'rejected', 'awaiting_correction'] }) status: 'deciding' | 'approved' | 'rejected' | 'awaiting_correction';
}

export class JointProgressView {
  @ApiProperty() stepId: string;
  @ApiProperty({ type: [JointParticipantView] }) participants: JointParticipantView[];
}

export class CaseSummaryView extends SubmittedCaseView {
  @ApiProperty({ type: String, nullable: true }) serviceItemCode: string | null;
  @ApiProperty({ type: String, nullable: true }) bundleCode: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentCode: string | null;
  @ApiProperty() submittedAt: Date;
  @ApiProperty({ type: String, nullable: true }) finishedAt: Date | null;
}

export class CasePartyView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'whole to the person and to staff, masked (张*三) to others' }) name: string;
}

export class CaseWorkflowRef {
  @ApiProperty() key: string;
  @ApiProperty() version: number;
}

export class CaseDeadlinesView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) statutory: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) promised: Date | null;
  @ApiProperty({ description: 'computed on a provisional calendar year (not yet announced)' }) provisional: boolean;
}

export class CaseClockView {
  @ApiProperty() started: boolean;
  @ApiProperty() paused: boolean;
  @ApiProperty() pausedWorkingDays: number;
  @ApiProperty() extendedWorkingDays: number;
}

export class CaseCertificateView {
  @ApiProperty() code: string;
  @ApiProperty() serviceItemCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt: Date;
}

export class CorrectionItemView {
  @ApiProperty({ description: 'the material or form field to correct' }) key: string;
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'the department that asked' }) department: string;
}

export class CorrectionNoticeView {
  @ApiProperty() round: number;
  @ApiProperty({ type: [CorrectionItemView] }) items: CorrectionItemView[];
}

export class MaterialOwedView {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date-time' }) dueAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
}

export class CaseRatingSummary {
  @ApiProperty({ minimum: 1, maximum: 5 }) score: number;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class CaseView extends CaseSummaryView {
  @ApiProperty({ type: CasePartyView, description: 'whose case it is' }) applicant: CasePartyView;
  @ApiProperty({ type: CasePartyView, nullable: true, description: 'who applied for them (代办), if anyone' }) agent: CasePartyView | null;
  @ApiProperty({ enum: ['online', 'agent', 'counter'], description: 'how it came in: online, by an agent, or entered at the counter (窗口代录)' }) channel: string;
  @ApiProperty({ type: CaseWorkflowRef, nullable: true, description: 'the definition the case runs on (kept when newer versions are published)' })
  workflow: CaseWorkflowRef | null;
  @ApiProperty({ type: [String] }) currentSteps: string[];
  @ApiProperty({ type: CaseDeadlinesView }) deadlines: CaseDeadlinesView;
  @ApiProperty({ type: CaseClockView }) clock: CaseClockView;
  @ApiProperty({ type: [CaseSummaryView] }) children: CaseSummaryView[];
  @ApiProperty({ type: [CaseCertificateView] }) certificates: CaseCertificateView[];
  @ApiProperty({ type: CorrectionNoticeView, nullable: true, description: 'the open notice to correct (补正), if any' }) correction: CorrectionNoticeView | null;
  @ApiProperty({ type: [MaterialOwedView], description: 'tolerated materials (容缺) still owed' }) materialsOwed: MaterialOwedView[];
  @ApiProperty({ type: 'object', additionalProperties: true }) form: Record<string, unknown>;
  @ApiProperty({ type: [MaterialRefDto] }) materials: MaterialRefDto[];
  @ApiProperty({ type: JointProgressView, nullable: true, description: '联办: the departments of the joint step the case is at, each with its state' }) joint: JointProgressView | null;
  @ApiProperty({ type: [TimelineEntryView] }) timeline: TimelineEntryView[];
  @ApiProperty({ type: CaseRatingSummary, nullable: true, description: 'once rated (好差评)' }) rating: CaseRatingSummary | null;
}

export class ExtendDeadlineDto {
  @ApiProperty({ minimum: 1, maximum: 30, example: 10, description: '延期, in working days (行政许可法 §42: 10 for the statutory 20)' })
  @IsInt() @Min(1) @Max(30)
  workingDays: number;

  @ApiProperty({ example: '案情复杂，经负责人批准延长十个工作日' })
  @IsString() @MaxLength(1000) @Matches(/\S/, { message: 'reason must not be empty' })
  reason: string;
}

export class CaseSummaryPage {
  @ApiProperty({ type: [CaseSummaryView] }) items: CaseSummaryView[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' }) nextCursor: string | null;
}

export class CaseRatingView {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) score: number;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
}
