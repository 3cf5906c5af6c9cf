import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { UuidParamPipe } from '../http/path-params.js';
import { AuthorisationList, AuthorisationView, AuthoriseAgentDto } from './agent.dto.js';
import { AgentsService } from './agents.service.js';

@ApiTags('agents')
@ApiBearerAuth()
@Roles('citizen')
@Controller('my')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Post('agents')
  @ApiOperation({ summary: '代办授权: let another account apply on your behalf, for every item or some, until a date' })
  @ApiCreatedResponse({ type: AuthorisationView })
  @ApiBadRequestResponse({ description: '`agent.unknown_agent`, `agent.self`, `agent.valid_until_past`, `agent.unknown_item`, `validation_failed`' })
  authorise(@CurrentUser() caller: Caller, @Body() body: AuthoriseAgentDto): Promise<AuthorisationView> {
    return this.agents.authorise(caller.id, body);
  }

  @Get('agents')
  @ApiOperation({ summary: 'The authorisations you gave, with their status (active, expired, revoked)' })
  @ApiOkResponse({ type: AuthorisationList })
  given(@CurrentUser() caller: Caller): Promise<AuthorisationList> {
    return this.agents.given(caller.id);
  }

  @Delete('agents/:id')
  @ApiOperation({ summary: 'Revoke an authorisation: no new applications under it; cases already made go on' })
  @ApiOkResponse({ type: AuthorisationView })
  @ApiNotFoundResponse({ description: '`agent.authorisation_not_found`' })
  revoke(@CurrentUser() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<AuthorisationView> {
    return this.agents.revoke(caller.id, id);
  }

  @Get('principals')
  @ApiOperation({ summary: 'The authorisations you hold as an agent: whom you may apply for (`onBehalfOf`)' })
  @ApiOkResponse({ type: AuthorisationList })
  received(@CurrentUser() caller: Caller): Promise<AuthorisationList> {
    return this.agents.received(caller.id);
  }
}
