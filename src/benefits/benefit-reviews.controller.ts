import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { UuidParamPipe } from '../http/path-params.js';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import { RecordsPersonalDataAccess } from '../audit/personal-data-access.interceptor.js';
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
  // A review shows the facts of its grant's explanation: a read of that grant.
  @RecordsPersonalDataAccess<Page<ReviewView>>({
    subjects: (page) => page.items.filter((review) => review.subjectType === 'person').map((review) => ({ kind: 'benefit-grant', id: review.grantId })),
  })
  list(@CurrentUser() caller: Caller, @Query() query: ReviewQuery): Promise<Page<ReviewView>> {
    return this.reviews.list(caller, query);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('admin', 'clerk')
  @ApiOkResponse({ type: ReviewView })
  @ApiOperation({ summary: 'Resolve a review: keep the grant or revoke it' })
  @Problems({ 404: ['benefit_review.not_found'], 409: ['benefit_review.resolved'] })
  resolve(@CurrentUser() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() body: ResolveReviewDto): Promise<ReviewView> {
    return this.reviews.resolve(caller, id, body);
  }
}
