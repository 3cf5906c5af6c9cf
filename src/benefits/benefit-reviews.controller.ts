import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import type { Page } from '../http/pagination.js';
import { ResolveReviewDto, ReviewPage, ReviewQuery, ReviewView } from './benefit-review.dto.js';
import { BenefitReviewsService } from './benefit-reviews.service.js';

@ApiTags('benefits')
@ApiBearerAuth()
@Controller('benefit-reviews')
export class BenefitReviewsController {
  constructor(private readonly reviews: BenefitReviewsService) {}

  @Get()
  @Roles('admin', 'clerk', 'supervisor')
  @ApiOperation({ summary: 'Grants whose subjects no longer qualify after a registry change, oldest first' })
  @ApiOkResponse({ type: ReviewPage })
  list(@CurrentUser() caller: Caller, @Query() query: ReviewQuery): Promise<Page<ReviewView>> {
    return this.reviews.list(caller, query);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('admin', 'clerk')
  @ApiOkResponse({ type: ReviewView })
  resolve(@CurrentUser() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ResolveReviewDto): Promise<ReviewView> {
    return this.reviews.resolve(caller, id, body);
  }
}
