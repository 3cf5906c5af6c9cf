import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import type { Page } from '../http/pagination.js';
import { AssignDto, BulkDto, BulkResponseView, DecisionDto, DecisionResultView, PauseClockDto, ResumeClockDto, TaskPage, TaskQuery, TaskView, WorkloadQuery, WorkloadView } from './task.dto.js';
import { TasksService } from './tasks.service.js';

const CONFLICT_OF_INTEREST = { description: '`task.conflict_of_interest`: you are a party to the case (its applicant): a colleague must handle it (回避)' };

@ApiTags('tasks')
@ApiBearerAuth()
@Roles('clerk')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOkResponse({ type: TaskPage, description: "the caller's department queue, oldest deadline first" })
  @ApiOperation({ summary: "The caller's department queue, oldest deadline first" })
  @Problems({ 403: ['task.no_department'] })
  list(@CurrentUser() caller: Caller, @Query() query: TaskQuery): Promise<Page<TaskView>> {
    return this.tasks.list(caller, query);
  }

  @Get('workload')
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: WorkloadView })
  @ApiOperation({ summary: 'Each clerk of a department with the tasks they hold and how many are overdue (supervisors, admins)' })
  @Problems({ 400: ['task.department_required', 'task.unknown_department'], 403: ['task.not_supervisor'] })
  workload(@CurrentUser() caller: Caller, @Query() query: WorkloadQuery): Promise<WorkloadView> {
    return this.tasks.workload(caller, query);
  }

  @Post('bulk')
  @Roles('clerk', 'supervisor', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkResponseView, description: 'one result per task, each applied or refused on its own' })
  @ApiOperation({ summary: 'Claim, release, assign or decide many tasks, each in its own transaction' })
  @Problems({ 400: ['task.bulk_repeated', 'task.bulk_needs_user', 'task.bulk_needs_decision'], 403: ['task.no_department', 'task.not_supervisor'] })
  bulk(@CurrentUser() caller: Caller, @Body() body: BulkDto): Promise<BulkResponseView> {
    return this.tasks.bulk(caller, body);
  }

  @Get(':id')
  @ApiOkResponse({ type: TaskView })
  @ApiOperation({ summary: "One task of the caller's department" })
  @Problems({ 404: ['task.not_found'] })
  get(@Param('id') id: string, @CurrentUser() caller: Caller): Promise<TaskView> {
    return this.tasks.get(id, caller);
  }

  @Post(':id/claim')
  @ApiForbiddenResponse(CONFLICT_OF_INTEREST)
  @HttpCode(200)
  @ApiOkResponse({ type: TaskView })
  @ApiOperation({ summary: 'Claim a task for a lease (认领)' })
  @Problems({ 404: ['task.not_found'], 409: ['task.closed', 'task.claimed_by_other'] })
  claim(@Param('id') id: string, @CurrentUser() caller: Caller): Promise<TaskView> {
    return this.tasks.claim(id, caller);
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskView })
  @ApiOperation({ summary: 'Release a claimed task back to the queue' })
  @Problems({ 404: ['task.not_found'], 409: ['task.closed', 'task.claimed_by_other'] })
  release(@Param('id') id: string, @CurrentUser() caller: Caller): Promise<TaskView> {
    return this.tasks.release(id, caller);
  }

  @Post(':id/assign')
  @Roles('supervisor', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: TaskView, description: 'the task, claimed for the clerk (no lease runs out), who is notified' })
  @ApiOperation({ summary: 'Assign a task to a named clerk of its department (supervisor of the department, or admin)' })
  @Problems({
    400: ['task.assignee_not_clerk', 'task.assignee_other_department', 'task.assignee_conflict_of_interest'],
    403: ['task.not_supervisor'],
    404: ['task.not_found'],
    409: ['task.closed', 'case.concurrent_change'],
  })
  assign(@Param('id') id: string, @CurrentUser() caller: Caller, @Body() body: AssignDto): Promise<TaskView> {
    return this.tasks.assign(id, caller, body.userId);
  }

  @Post(':id/decision')
  @ApiForbiddenResponse(CONFLICT_OF_INTEREST)
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionResultView })
  @ApiOperation({ summary: 'Decide a task: accept, refuse, ask for corrections, approve, reject or transfer' })
  @Problems({ 400: ['task.correction_needs_items', 'task.unknown_department', 'task.same_department'], 404: ['task.not_found'], 409: ['task.closed', 'task.claimed_by_other', 'case.concurrent_change'], 422: ['engine.action_not_allowed'] })
  decide(@Param('id') id: string, @CurrentUser() caller: Caller, @Body() body: DecisionDto): Promise<DecisionResultView> {
    return this.tasks.decide(id, caller, body);
  }

  @Post(':id/clock/pause')
  @ApiForbiddenResponse(CONFLICT_OF_INTEREST)
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionResultView, description: 'stops the case clock for an expert review, hearing, inspection or testing' })
  @ApiOperation({ summary: 'Stop the case clock for an expert review, hearing, inspection or testing' })
  @Problems({ 404: ['task.not_found'], 409: ['task.closed', 'task.claimed_by_other', 'clock.already_paused', 'clock.not_running'] })
  pauseClock(@Param('id') id: string, @CurrentUser() caller: Caller, @Body() body: PauseClockDto): Promise<DecisionResultView> {
    return this.tasks.pauseClock(id, caller, body);
  }

  @Post(':id/clock/resume')
  @ApiForbiddenResponse(CONFLICT_OF_INTEREST)
  @HttpCode(200)
  @ApiOkResponse({ type: DecisionResultView })
  @ApiOperation({ summary: 'Start the case clock again after such a stop' })
  @Problems({ 404: ['task.not_found'], 409: ['task.closed', 'task.claimed_by_other', 'clock.not_paused_by_clerk'] })
  resumeClock(@Param('id') id: string, @CurrentUser() caller: Caller, @Body() body: ResumeClockDto): Promise<DecisionResultView> {
    return this.tasks.resumeClock(id, caller, body);
  }
}
