import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import type { Request } from 'express';
import { RecordsPersonalDataAccess } from '../audit/personal-data-access.interceptor.js';
import type { PersonalDataSubject } from '../audit/personal-data-access.service.js';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { PageQuery, type Page } from '../http/pagination.js';
import { GrantDetailView, GrantPage, GrantQuery, RevealGrantDto } from './benefit-grant.dto.js';
import { BenefitGrantsService } from './benefit-grants.service.js';
import { GrantIdPipe } from './grant-id.pipe.js';

/** The grants of persons a staff read showed (an enterprise's hold no personal data). */
const personGrants = (...grants: GrantDetailView[]): PersonalDataSubject[] =>
  grants.filter((grant) => grant.subjectType === 'person').map((grant) => ({ kind: 'benefit-grant', id: grant.id }));

@ApiTags('benefits')
@ApiBearerAuth()
@Controller()
export class BenefitGrantsController {
  constructor(private readonly grants: BenefitGrantsService) {}

  @Get('benefit-grants')
  @Roles('admin', 'clerk', 'supervisor')
  @ApiOperation({ summary: 'Grants, newest first; idNumber / uscc: everything one person or enterprise receives' })
  @ApiOkResponse({ type: GrantPage })
  @RecordsPersonalDataAccess<Page<GrantDetailView>>({ subjects: (page) => personGrants(...page.items) })
  list(@Query() query: GrantQuery): Promise<Page<GrantDetailView>> {
    return this.grants.list(query);
  }

  @Get('benefit-grants/:id')
  @Roles('admin', 'clerk', 'supervisor')
  @ApiOperation({ summary: "A grant and its explanation, a person's identifying facts masked" })
  @ApiOkResponse({ type: GrantDetailView })
  @ApiNotFoundResponse({ description: '`benefit_grant.not_found`' })
  @RecordsPersonalDataAccess<GrantDetailView>({ subjects: (grant) => personGrants(grant) })
  get(@Param('id', GrantIdPipe) id: string): Promise<GrantDetailView> {
    return this.grants.get(id, 'staff');
  }

  @Post('benefit-grants/:id/reveal')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'A grant with its facts unmasked, for an admin who states why; recorded in the personal-data access log' })
  @ApiOkResponse({ type: GrantDetailView })
  @ApiBadRequestResponse({ description: '`validation.failed`: `purpose` missing, or shorter than 5 characters' })
  @ApiForbiddenResponse({ description: 'Only admins reveal personal facts' })
  @ApiNotFoundResponse({ description: '`benefit_grant.not_found`' })
  @RecordsPersonalDataAccess<GrantDetailView>({
    subjects: (grant) => personGrants(grant),
    statedPurpose: (request: Request) => (request.body as RevealGrantDto).purpose,
  })
  reveal(@Param('id', GrantIdPipe) id: string, @Body() _body: RevealGrantDto): Promise<GrantDetailView> {
    return this.grants.get(id, 'revealed');
  }

  @Get('my/benefits')
  @ApiOperation({ summary: "The caller's own grants, each with its explanation" })
  @ApiOkResponse({ type: GrantPage })
  mine(@CurrentUser() caller: Caller, @Query() query: PageQuery): Promise<Page<GrantDetailView>> {
    return this.grants.mine(caller.id, query.limit, query.cursor);
  }

  @Post('my/benefits/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline one of your grants; it is not made again for its period' })
  @ApiOkResponse({ type: GrantDetailView })
  @Problems({ 409: ['benefit_grant.not_declinable'] })
  decline(@CurrentUser() caller: Caller, @Param('id', GrantIdPipe) id: string): Promise<GrantDetailView> {
    return this.grants.decline(caller.id, id);
  }
}
