import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { PageQuery, type Page } from '../http/pagination.js';
import { FailedJobPage, FailedJobView, QueuesView } from './operations.dto.js';
import { OperationsService } from './operations.service.js';

/** Operators' view of the queues, and the repair of failed jobs (docs/operations.md "Queues and timers"). */
@ApiTags('operations')
@ApiBearerAuth()
@Roles('admin')
@ApiUnauthorizedResponse({ description: '`auth.unauthenticated`' })
@ApiForbiddenResponse({ description: '`auth.forbidden`: admins only' })
@Controller('operations')
export class OperationsController {
  constructor(private readonly operations: OperationsService) {}

  @Get('queues')
  @ApiOperation({ summary: 'Per queue waiting/active/delayed/failed jobs, the outbox backlog and its oldest row, pending timers' })
  @ApiOkResponse({ type: QueuesView })
  queues(): Promise<QueuesView> {
    return this.operations.queues();
  }

  @Get('failed-jobs')
  @ApiOperation({ summary: 'Jobs that used up their attempts, latest failure first (keyset pages)' })
  @ApiOkResponse({ type: FailedJobPage })
  @ApiBadRequestResponse({ description: '`pagination.bad_cursor`, `validation.failed`' })
  failedJobs(@Query() query: PageQuery): Promise<Page<FailedJobView>> {
    return this.operations.failedJobs(query);
  }

  @Post('failed-jobs/:id/retry')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sends a failed job back to its queue with fresh attempts, under its own job id' })
  @ApiOkResponse({ type: FailedJobView, description: 'Queued again; `retriedAt` set. Failing again moves `failedAt` on and raises a new risk flag' })
  @ApiBadRequestResponse({ description: '`validation.failed`: the id is not a UUID' })
  @ApiNotFoundResponse({ description: '`failed_job.not_found`' })
  @ApiConflictResponse({ description: '`failed_job.not_failed`: the job was retried already and has not failed again' })
  retry(@Param('id', new ParseUUIDPipe()) id: string): Promise<FailedJobView> {
    return this.operations.retry(id);
  }
}
