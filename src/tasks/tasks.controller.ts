import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import type { Page } from '../http/pagination.js';
import { DecisionDto, DecisionResultView, PauseClockDto, ResumeClockDto, TaskQuery, TaskView } from './task.dto.js';
import { TasksService } from './tasks.service.js';

const CONFLICT_OF_INTEREST = { description: '`task.conflict_of_interest`: you are a party to the case (its applicant): a colleague must handle it (回避)' };

@ApiTags('tasks')
@ApiBearerAuth()
@Roles('clerk')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOkResponse({ description: "{ items: Task[], nextCursor } — the caller's department queue, oldest deadline first" })
  list(@CurrentUser() caller: Caller, @Query() query: TaskQuery): Promise<Page<TaskView>> {
    return this.tasks.list(caller, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: TaskView })
  get(@Param('id') id: string, @CurrentUser() caller: Caller): Promise<TaskView> {
    return this.tasks.get(id, caller);
  }

  @Post(':id/claim')
  @ApiForbiddenResponse(CONFLICT_OF_INTEREST)
  @HttpCode(200)
  @ApiOkResponse({ type: TaskView })
  claim(@Param('id') id: string, @CurrentUser() caller: Caller): Promise<TaskView> {
    return this.tasks.claim(id, caller);
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskView })
  release(@Param('id') id: string, @CurrentUser() caller: Caller): Promise<TaskView> {
    return this.tasks.release(id, caller);
  }

  @Post(':id/decision')
  @ApiForbiddenResponse(CONFLICT_OF_INTEREST)
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionResultView })
  decide(@Param('id') id: string, @CurrentUser() caller: Caller, @Body() body: DecisionDto): Promise<DecisionResultView> {
    return this.tasks.decide(id, caller, body);
  }

  @Post(':id/clock/pause')
  @ApiForbiddenResponse(CONFLICT_OF_INTEREST)
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionResultView, description: 'stops the case clock for an expert review, hearing, inspection or testing' })
  pauseClock(@Param('id') id: string, @CurrentUser() caller: Caller, @Body() body: PauseClockDto): Promise<DecisionResultView> {
    return this.tasks.pauseClock(id, caller, body);
  }

  @Post(':id/clock/resume')
  @ApiForbiddenResponse(CONFLICT_OF_INTEREST)
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionResultView })
  resumeClock(@Param('id') id: string, @CurrentUser() caller: Caller, @Body() body: ResumeClockDto): Promise<DecisionResultView> {
    return this.tasks.resumeClock(id, caller, body);
  }
}
