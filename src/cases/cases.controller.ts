import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { UuidParamPipe } from '../http/path-params.js';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RecordsPersonalDataAccess } from '../audit/personal-data-access.interceptor.js';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import type { Page } from '../http/pagination.js';
import { badRequest } from '../http/problem.js';
import { AnswerCorrectionDto, CaseListQuery, ExtendDeadlineDto, CaseSummaryView, CaseView, RateCaseDto, SubmitCaseDto, SubmittedCaseView } from './case.dto.js';
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
  @ApiOkResponse({ description: '{ items: CaseSummary[], nextCursor }' })
  list(@CurrentUser() caller: Caller, @Query() query: CaseListQuery): Promise<Page<CaseSummaryView>> {
    return this.cases.list(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CaseView })
  @RecordsPersonalDataAccess<CaseView>({ subjects: (view) => [{ kind: 'case', id: view.id }] })
  get(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller): Promise<CaseView> {
    return this.cases.view(id, caller);
  }

  @Post(':id/corrections')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseSummaryView })
  answerCorrection(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller, @Body() body: AnswerCorrectionDto): Promise<CaseSummaryView> {
    return this.cases.answerCorrection(id, caller, body);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseSummaryView })
  withdraw(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller): Promise<CaseSummaryView> {
    return this.cases.withdraw(id, caller);
  }

  @Post(':id/rating')
  @ApiCreatedResponse({ description: '{ caseId, score, comment }' })
  rate(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller, @Body() body: RateCaseDto): Promise<{ caseId: string; score: number; comment: string | null }> {
    return this.cases.rate(id, caller, body);
  }

  @Post(':id/extensions')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: CaseSummaryView, description: '延期 approved by a supervisor: both deadlines move by the working days given' })
  @ApiForbiddenResponse({ description: '`case.conflict_of_interest`: you are the applicant of this case (回避)' })
  extend(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller, @Body() body: ExtendDeadlineDto): Promise<CaseSummaryView> {
    return this.cases.extend(id, caller, body);
  }

  @Get(':id/history/verify')
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: ChainVerificationView, description: 'the keyed hash chain, its seal, and the head of the case and of the latest signed checkpoint' })
  verifyHistory(@Param('id', UuidParamPipe) id: string): Promise<ChainVerificationView> {
    return this.cases.verifyHistory(id);
  }
}
