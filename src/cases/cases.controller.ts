import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { UuidParamPipe } from '../http/path-params.js';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import type { Response } from 'express';
import { RecordsPersonalDataAccess } from '../audit/personal-data-access.interceptor.js';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import type { Page } from '../http/pagination.js';
import { badRequest } from '../http/problem.js';
import { AnswerCorrectionDto, CaseListQuery, CaseRatingView, CaseSummaryPage, ExtendDeadlineDto, CaseSummaryView, CaseView, RateCaseDto, SubmitCaseDto, SubmittedCaseView } from './case.dto.js';
import { CaseSubmissionService } from './case-submission.service.js';
import { CasesService } from './cases.service.js';
import { ChainVerificationView } from './history-audit.dto.js';

const IDEMPOTENCY_KEY = /^[\w.:-]{8,128}$/;

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly submissions: CaseSubmissionService,
    private readonly cases: CasesService,
  ) {}

  @Post()
  @Roles('citizen')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a repeat with the same key returns the same case; the same key with another body is a 422' })
  @ApiCreatedResponse({ type: SubmittedCaseView })
  @ApiForbiddenResponse({ description: 'with `onBehalfOf`: `agent.not_authorised`, `agent.authorisation_expired`, `agent.authorisation_revoked`, `agent.item_not_authorised`' })
  @ApiOperation({ summary: 'Apply for a service item or a bundle (for yourself, or as an agent with onBehalfOf)' })
  @Problems({ 400: ['case.unknown_item', 'case.unknown_bundle', 'case.item_or_bundle', 'case.invalid_application', 'case.invalid_idempotency_key'], 422: ['case.idempotency_key_reused'] })
  async submit(
    @CurrentUser() caller: Caller,
    @Body() body: SubmitCaseDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubmittedCaseView> {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw badRequest('case.invalid_idempotency_key', 'Idempotency-Key must be 8–128 letters, digits, _ . : or -.', [{ path: 'Idempotency-Key', message: 'invalid' }]);
    }
    const result = await this.submissions.submit(caller, body, key);
    if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return result.view;
  }

  @Get()
  @ApiOkResponse({ type: CaseSummaryPage })
  @ApiOperation({ summary: "Cases, newest first: a citizen's own, a clerk's department's, every case for supervisors" })
  list(@CurrentUser() caller: Caller, @Query() query: CaseListQuery): Promise<Page<CaseSummaryView>> {
    return this.cases.list(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CaseView })
  @RecordsPersonalDataAccess<CaseView>({ subjects: (view) => [{ kind: 'case', id: view.id }] })
  @ApiOperation({ summary: 'One case with its history, tasks, materials and clock' })
  @Problems({ 404: ['case.not_found'] })
  get(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller): Promise<CaseView> {
    return this.cases.view(id, caller);
  }

  @Post(':id/corrections')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseSummaryView })
  @ApiOperation({ summary: 'Answer a request for corrections (补正) with the materials asked for' })
  @Problems({ 400: ['case.incomplete_correction'], 403: ['case.applicant_only'], 404: ['case.not_found'], 409: ['case.no_correction_open', 'case.concurrent_change'] })
  answerCorrection(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller, @Body() body: AnswerCorrectionDto): Promise<CaseSummaryView> {
    return this.cases.answerCorrection(id, caller, body);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseSummaryView })
  @ApiOperation({ summary: 'Withdraw an application (撤回) that is not decided yet' })
  @Problems({ 403: ['case.applicant_only'], 404: ['case.not_found'], 409: ['engine.case_finished', 'case.concurrent_change'] })
  withdraw(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller): Promise<CaseSummaryView> {
    return this.cases.withdraw(id, caller);
  }

  @Post(':id/rating')
  @ApiCreatedResponse({ type: CaseRatingView })
  @ApiOperation({ summary: 'Rate a finished case (好差评), once' })
  @Problems({ 403: ['case.applicant_only'], 404: ['case.not_found'], 409: ['case.not_finished', 'case.already_rated'] })
  rate(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller, @Body() body: RateCaseDto): Promise<CaseRatingView> {
    return this.cases.rate(id, caller, body);
  }

  @Post(':id/extensions')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: CaseSummaryView, description: '延期 approved by a supervisor: both deadlines move by the working days given' })
  @ApiForbiddenResponse({ description: '`case.conflict_of_interest`: you are the applicant of this case (回避)' })
  @ApiOperation({ summary: 'Extend both deadlines of a case (延期) by working days' })
  @Problems({ 404: ['case.not_found'], 409: ['clock.not_running'] })
  extend(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller, @Body() body: ExtendDeadlineDto): Promise<CaseSummaryView> {
    return this.cases.extend(id, caller, body);
  }

  @Get(':id/history/verify')
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: ChainVerificationView, description: 'the keyed hash chain, its seal, and the head of the case and of the latest signed checkpoint' })
  @ApiOperation({ summary: "Verify a case's history chain against its seal and the latest signed checkpoint" })
  @Problems({ 404: ['case.not_found'] })
  verifyHistory(@Param('id', UuidParamPipe) id: string): Promise<ChainVerificationView> {
    return this.cases.verifyHistory(id);
  }
}
