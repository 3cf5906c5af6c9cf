import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { UuidParamPipe } from '../http/path-params.js';
import { RatingTicketListQuery, RatingTicketPage, RatingTicketView, TicketAppealDecisionDto, TicketAppealDto, TicketNoteDto } from './rating-ticket.dto.js';
import { RatingTicketsService } from './rating-tickets.service.js';

@ApiTags('rating-tickets')
@Controller('rating-tickets')
export class RatingTicketsController {
  constructor(private readonly tickets: RatingTicketsService) {}

  @Get()
  @Roles('clerk', 'supervisor', 'admin')
  @ApiOkResponse({ type: RatingTicketPage, description: '差评 tickets, newest first: every one for supervisors, the own department’s for clerks' })
  @ApiOperation({ summary: '差评 整改 tickets (supervisors: all; clerks: their own department)' })
  list(@CurrentUser() caller: Caller, @Query() query: RatingTicketListQuery): Promise<RatingTicketPage> {
    return this.tickets.list(caller, query);
  }

  @Get(':id')
  @Roles('clerk', 'supervisor', 'admin')
  @ApiOkResponse({ type: RatingTicketView })
  @ApiOperation({ summary: 'One 差评 整改 ticket' })
  @Problems({ 404: ['rating_ticket.not_found'] })
  view(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller): Promise<RatingTicketView> {
    return this.tickets.view(id, caller);
  }

  @Post(':id/visit')
  @HttpCode(200)
  @Roles('clerk', 'supervisor', 'admin')
  @ApiOkResponse({ type: RatingTicketView, description: '回访 recorded by a clerk of the case’s department' })
  @ApiOperation({ summary: 'Record the 回访 (follow-up visit)' })
  @Problems({ 403: ['rating_ticket.department_only'], 404: ['rating_ticket.not_found'], 409: ['rating_ticket.closed', 'rating_ticket.under_appeal'] })
  visit(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller, @Body() body: TicketNoteDto): Promise<RatingTicketView> {
    return this.tickets.visit(id, caller, body.note);
  }

  @Post(':id/rectify')
  @HttpCode(200)
  @Roles('clerk', 'supervisor', 'admin')
  @ApiOkResponse({ type: RatingTicketView, description: '整改 recorded by a clerk of the case’s department, after a 回访' })
  @ApiOperation({ summary: 'Record the 整改 (rectification)' })
  @Problems({ 403: ['rating_ticket.department_only'], 404: ['rating_ticket.not_found'], 409: ['rating_ticket.not_visited', 'rating_ticket.closed', 'rating_ticket.under_appeal'] })
  rectify(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller, @Body() body: TicketNoteDto): Promise<RatingTicketView> {
    return this.tickets.rectify(id, caller, body.note);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: RatingTicketView, description: 'closed by a supervisor once the 整改 is recorded' })
  @ApiOperation({ summary: 'Close a rectified ticket (supervisor)' })
  @Problems({ 404: ['rating_ticket.not_found'], 409: ['rating_ticket.not_rectified', 'rating_ticket.closed', 'rating_ticket.under_appeal'] })
  close(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller): Promise<RatingTicketView> {
    return this.tickets.close(id, caller);
  }

  @Post(':id/appeal')
  @HttpCode(200)
  @Roles('clerk', 'supervisor', 'admin')
  @ApiOkResponse({ type: RatingTicketView, description: 'the department appeals a malicious rating (once)' })
  @ApiOperation({ summary: 'Appeal a malicious rating (the department, once)' })
  @Problems({ 403: ['rating_ticket.department_only'], 404: ['rating_ticket.not_found'], 409: ['rating_ticket.already_appealed', 'rating_ticket.closed', 'rating_ticket.under_appeal'] })
  appeal(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller, @Body() body: TicketAppealDto): Promise<RatingTicketView> {
    return this.tickets.appeal(id, caller, body.reason);
  }

  @Post(':id/appeal-decision')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: RatingTicketView, description: 'upheld: closed as appeal_upheld and the rating leaves the department’s score; rejected: back to work' })
  @ApiOperation({ summary: 'Decide an appeal (supervisor)' })
  @Problems({ 404: ['rating_ticket.not_found'], 409: ['rating_ticket.not_appealed', 'rating_ticket.closed'] })
  decideAppeal(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller, @Body() body: TicketAppealDecisionDto): Promise<RatingTicketView> {
    return this.tickets.decideAppeal(id, caller, body.upheld);
  }
}
