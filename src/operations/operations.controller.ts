import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { UuidParamPipe } from '../http/path-params.js';
import type { Request, Response } from 'express';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators.js';
import { PageQuery, type Page } from '../http/pagination.js';
import { BoardTicketView, FailedJobPage, FailedJobView, QueuesView } from './operations.dto.js';
import { OperationsBoard, type BoardTicket } from './operations-board.js';
import { OperationsService } from './operations.service.js';

/** Operators' view of the queues, and the repair of failed jobs (docs/operations.md "Queues and timers"). */
@ApiTags('operations')
@ApiBearerAuth()
@Roles('admin')
@ApiUnauthorizedResponse({ description: '`auth.unauthenticated`' })
@ApiForbiddenResponse({ description: '`auth.forbidden`: admins only' })
@Controller('operations')
export class OperationsController {
  constructor(
    private readonly operations: OperationsService,
    private readonly board: OperationsBoard,
  ) {}

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
  retry(@Param('id', UuidParamPipe) id: string): Promise<FailedJobView> {
    return this.operations.retry(id);
  }

  @Post('board/session')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Opens the queue dashboard for ten minutes: sets an HttpOnly, SameSite=Strict ticket cookie scoped to /api/operations/board',
    description:
      'The pages then open `url` in a new tab. On Redis the board is bull-board over every queue; on the PostgreSQL queue backend ' +
      '(embedded, single server) it is a summary page of the counts (docs/operations.md "Queue dashboard", docs/security.md).',
  })
  @ApiOkResponse({ type: BoardTicketView })
  openBoard(@CurrentUser() user: { id: string }, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<BoardTicket> {
    return this.board.openSession(user, request, response);
  }
}
