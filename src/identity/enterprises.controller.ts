import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AuthorisationList, AuthorisationView, AuthoriseAgentDto } from '../agents/agent.dto.js';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { UuidParamPipe } from '../http/path-params.js';
import { EnterpriseList, EnterpriseView, RegisterEnterpriseDto } from './enterprise.dto.js';
import { EnterprisesService } from './enterprises.service.js';

@ApiTags('enterprises')
@ApiBearerAuth()
@Roles('citizen')
@Controller('my/enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  @ApiOperation({ summary: 'Register an enterprise account bound to its credit code, with you as its legal representative' })
  @ApiCreatedResponse({ type: EnterpriseView })
  @ApiBadRequestResponse({ description: '`identity.invalid_uscc`' })
  @ApiConflictResponse({ description: '`identity.enterprise_registered`' })
  @ApiUnprocessableEntityResponse({ description: '`identity.registry_mismatch`: the name differs from the legal-entity registry' })
  register(@CurrentUser() caller: Caller, @Body() body: RegisterEnterpriseDto): Promise<EnterpriseView> {
    return this.enterprises.register(caller, body);
  }

  @Get()
  @ApiOperation({ summary: 'The enterprises you act for (legal representative or 经办人)' })
  @ApiOkResponse({ type: EnterpriseList })
  mine(@CurrentUser() caller: Caller): Promise<EnterpriseList> {
    return this.enterprises.mine(caller);
  }

  @Post(':id/handlers')
  @ApiOperation({ summary: 'Authorise a 经办人 to apply for the enterprise (legal representative only)' })
  @ApiCreatedResponse({ type: AuthorisationView })
  @ApiForbiddenResponse({ description: '`identity.not_legal_representative`' })
  addHandler(@CurrentUser() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() body: AuthoriseAgentDto): Promise<AuthorisationView> {
    return this.enterprises.addHandler(caller, id, body);
  }

  @Get(':id/handlers')
  @ApiOperation({ summary: 'Who acts for the enterprise (legal representative only)' })
  @ApiOkResponse({ type: AuthorisationList })
  @ApiForbiddenResponse({ description: '`identity.not_legal_representative`' })
  handlers(@CurrentUser() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<AuthorisationList> {
    return this.enterprises.handlers(caller, id);
  }

  @Delete(':id/handlers/:authorisationId')
  @ApiOperation({ summary: "Revoke a 经办人's authorisation (legal representative only)" })
  @ApiOkResponse({ type: AuthorisationView })
  @ApiForbiddenResponse({ description: '`identity.not_legal_representative`' })
  @ApiConflictResponse({ description: "`identity.legal_representative_stays`: the legal representative's own standing" })
  revokeHandler(
    @CurrentUser() caller: Caller,
    @Param('id', UuidParamPipe) id: string,
    @Param('authorisationId', UuidParamPipe) authorisationId: string,
  ): Promise<AuthorisationView> {
    return this.enterprises.revokeHandler(caller, id, authorisationId);
  }
}
