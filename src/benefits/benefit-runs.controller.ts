import { Controller, Get, Param } from '@nestjs/common';
import { UuidParamPipe } from '../http/path-params.js';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import { Roles } from '../auth/auth.decorators.js';
import { RunView } from './benefit-run.dto.js';
import { BenefitRunsService } from './benefit-runs.service.js';

@ApiTags('benefits')
@ApiBearerAuth()
@Controller('benefit-runs')
export class BenefitRunsController {
  constructor(private readonly runs: BenefitRunsService) {}

  @Get(':runId')
  @Roles('admin', 'clerk', 'supervisor')
  @ApiOkResponse({ type: RunView, description: 'Progress: the counters advance as chunks commit' })
  @ApiOperation({ summary: "A grant run's progress and counters" })
  @Problems({ 404: ['benefit_run.not_found'] })
  get(@Param('runId', UuidParamPipe) runId: string): Promise<RunView> {
    return this.runs.get(runId);
  }
}
