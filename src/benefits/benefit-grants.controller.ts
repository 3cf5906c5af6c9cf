import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { PageQuery, type Page } from '../http/pagination.js';
import { GrantDetailView, GrantPage, GrantQuery } from './benefit-grant.dto.js';
import { BenefitGrantsService } from './benefit-grants.service.js';
import { GrantIdPipe } from './grant-id.pipe.js';

@ApiTags('benefits')
@ApiBearerAuth()
@Controller()
export class BenefitGrantsController {
  constructor(private readonly grants: BenefitGrantsService) {}

  @Get('benefit-grants')
  @Roles('admin', 'clerk', 'supervisor')
  @ApiOperation({ summary: 'Grants, newest first; idNumber / uscc: everything one person or enterprise receives' })
  @ApiOkResponse({ type: GrantPage })
  list(@Query() query: GrantQuery): Promise<Page<GrantDetailView>> {
    return this.grants.list(query);
  }

  @Get('benefit-grants/:id')
  @Roles('admin', 'clerk', 'supervisor')
  @ApiOkResponse({ type: GrantDetailView })
  get(@Param('id', GrantIdPipe) id: string): Promise<GrantDetailView> {
    return this.grants.get(id);
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
  decline(@CurrentUser() caller: Caller, @Param('id', GrantIdPipe) id: string): Promise<GrantDetailView> {
    return this.grants.decline(caller.id, id);
  }
}
