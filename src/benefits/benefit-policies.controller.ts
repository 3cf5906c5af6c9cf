import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { PageQuery, type Page } from '../http/pagination.js';
import { BenefitPoliciesService } from './benefit-policies.service.js';
import { CreatePolicyDto, CreatePolicyVersionDto, PolicyDetailView, PolicyPage, PolicyView, RuleValidationView, UpdatePolicyDto, ValidateRuleDto } from './benefit-policy.dto.js';
import { RunCreatedView, RunPage, StartRunDto, type RunView } from './benefit-run.dto.js';
import { BenefitRunsService } from './benefit-runs.service.js';

@ApiTags('benefits')
@ApiBearerAuth()
@Controller('benefit-policies')
export class BenefitPoliciesController {
  constructor(
    private readonly policies: BenefitPoliciesService,
    private readonly runs: BenefitRunsService,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a policy (version 1); 400 with located errors when the rule does not type-check or translate exactly to SQL' })
  @ApiCreatedResponse({ type: PolicyView })
  @Problems({ 400: ['benefit_policy.invalid_rule', 'benefit_policy.unknown_department'], 409: ['benefit_policy.exists'] })
  create(@Body() body: CreatePolicyDto, @CurrentUser() caller: Caller): Promise<PolicyView> {
    return this.policies.create(body, caller.id);
  }

  @Post('validate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: "Check a rule as a save would (type check against the registry, exact SQL), storing nothing: 200 { valid, errors[] located in the rule, plain }" })
  @ApiOkResponse({ type: RuleValidationView })
  validate(@Body() body: ValidateRuleDto): RuleValidationView {
    return this.policies.validateRule(body);
  }

  @Get()
  @Roles('admin', 'clerk', 'supervisor')
  @ApiOkResponse({ type: PolicyPage })
  @ApiOperation({ summary: 'Benefit policies (免申即享), a page at a time' })
  list(@Query() query: PageQuery): Promise<Page<PolicyView>> {
    return this.policies.list(query);
  }

  @Get(':code')
  @Roles('admin', 'clerk', 'supervisor')
  @ApiOkResponse({ type: PolicyDetailView })
  @ApiOperation({ summary: 'One policy with its versions' })
  @Problems({ 404: ['benefit_policy.not_found'] })
  get(@Param('code') code: string): Promise<PolicyDetailView> {
    return this.policies.get(code);
  }

  @Post(':code/versions')
  @Roles('admin')
  @ApiOperation({ summary: 'A new version of the rule, amount or period; grants made keep their version' })
  @ApiCreatedResponse({ type: PolicyView })
  @Problems({ 400: ['benefit_policy.invalid_rule'], 404: ['benefit_policy.not_found'] })
  addVersion(@Param('code') code: string, @Body() body: CreatePolicyVersionDto, @CurrentUser() caller: Caller): Promise<PolicyView> {
    return this.policies.addVersion(code, body, caller.id);
  }

  @Patch(':code')
  @Roles('admin')
  @ApiOkResponse({ type: PolicyView })
  @ApiOperation({ summary: "Change a policy's name, department or whether it is active" })
  @Problems({ 400: ['benefit_policy.unknown_department'], 404: ['benefit_policy.not_found'] })
  update(@Param('code') code: string, @Body() body: UpdatePolicyDto): Promise<PolicyView> {
    return this.policies.update(code, body);
  }

  @Post(':code/runs')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Queue a grant run (or a dry run that only counts) over the registry as it stands now' })
  @ApiAcceptedResponse({ type: RunCreatedView })
  @Problems({ 404: ['benefit_policy.not_found'], 409: ['benefit_policy.inactive', 'benefit_run.in_progress'] })
  startRun(@Param('code') code: string, @Body() body: StartRunDto, @CurrentUser() caller: Caller): Promise<{ runId: string }> {
    return this.runs.start(code, body, caller.id);
  }

  @Get(':code/runs')
  @Roles('admin', 'clerk', 'supervisor')
  @ApiOkResponse({ type: RunPage })
  @ApiOperation({ summary: 'The grant runs of a policy, newest first' })
  @Problems({ 404: ['benefit_policy.not_found'] })
  listRuns(@Param('code') code: string, @Query() query: PageQuery): Promise<Page<RunView>> {
    return this.runs.list(code, query);
  }
}
