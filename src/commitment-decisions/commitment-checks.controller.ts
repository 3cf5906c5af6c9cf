import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { UuidParamPipe } from '../http/path-params.js';
import { Problems } from '../http/problems.decorator.js';
import { CommitmentCheckDecisionDto, CommitmentCheckListQuery, CommitmentCheckPage, CommitmentCheckView } from '../commitment-checks/commitment-check.dto.js';
import { CommitmentDecisionsService } from './commitment-decisions.service.js';
import { CommitmentChecksService } from '../commitment-checks/commitment-checks.service.js';

@ApiTags('commitment-checks')
@ApiBearerAuth()
@Controller('commitment-checks')
export class CommitmentChecksController {
  constructor(
    private readonly checks: CommitmentChecksService,
    private readonly decisions: CommitmentDecisionsService,
  ) {}

  @Get()
  @Roles('clerk', 'supervisor', 'admin')
  @ApiOkResponse({ type: CommitmentCheckPage, description: 'earliest due first: a clerk’s own department, every department for supervisors and admins' })
  @ApiOperation({ summary: '告知承诺 follow-up checks (clerks: their department; supervisors and admins: all)' })
  list(@CurrentUser() caller: Caller, @Query() query: CommitmentCheckListQuery): Promise<CommitmentCheckPage> {
    return this.checks.list(caller, query);
  }

  @Get(':id')
  @Roles('clerk', 'supervisor', 'admin')
  @ApiOkResponse({ type: CommitmentCheckView })
  @ApiOperation({ summary: 'One 告知承诺 check' })
  @Problems({ 404: ['commitment_check.not_found'] })
  view(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller): Promise<CommitmentCheckView> {
    return this.checks.view(id, caller);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('clerk', 'supervisor', 'admin')
  @ApiOkResponse({ type: CommitmentCheckView, description: 'confirmed closes the check; false_commitment revokes the case’s licences with the note as reason and notifies the holder' })
  @ApiOperation({ summary: 'Record a 告知承诺 check: confirmed, or a false commitment (the licence is revoked)' })
  @Problems({ 403: ['commitment_check.department_only'], 404: ['commitment_check.not_found'], 409: ['commitment_check.already_decided', 'case.concurrent_change'] })
  decide(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller, @Body() body: CommitmentCheckDecisionDto): Promise<CommitmentCheckView> {
    return this.decisions.decide(id, caller, body);
  }
}
