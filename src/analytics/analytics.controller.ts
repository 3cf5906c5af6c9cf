import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import { Roles } from '../auth/auth.decorators.js';
import { RatingsQuery, RatingsReport, RatingTicketsQuery, RatingTicketsReport, TurnaroundQuery, TurnaroundReport, type RatingRow, type RatingTicketRow, type TurnaroundRow } from './analytics.dto.js';
import { AnalyticsService } from './analytics.service.js';
import { CsvExport } from '../reporting/csv-export.js';

@ApiTags('analytics')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get('turnaround')
  @ApiOkResponse({ type: TurnaroundReport, description: 'Per group: decided cases, p50/p90 working hours, overdue rates; CSV with ?format=csv' })
  @CsvExport<TurnaroundRow>({
    filename: 'turnaround',
    columns: [
      { header: 'key', value: (r) => r.key },
      { header: '名称', value: (r) => r.label },
      { header: '办结件数', value: (r) => r.count },
      { header: 'p50（工作小时）', value: (r) => r.p50Hours },
      { header: 'p90（工作小时）', value: (r) => r.p90Hours },
      { header: '超承诺时限率', value: (r) => r.overdueRate },
      { header: '超法定时限率', value: (r) => r.statutoryOverdueRate },
    ],
  })
  @ApiOperation({ summary: 'Turnaround per department, service item or month: p50/p90 working hours, overdue rates' })
  @Problems({ 400: ['analytics.invalid_range'] })
  turnaround(@Query() query: TurnaroundQuery): Promise<TurnaroundReport> {
    return this.analytics.turnaround(query);
  }

  @Get('ratings')
  @ApiOkResponse({ type: RatingsReport, description: '好差评 per group: count, average, ratings of 1–2 (a rating whose appeal was upheld is left out); CSV with ?format=csv' })
  @CsvExport<RatingRow>({
    filename: 'ratings',
    columns: [
      { header: 'key', value: (r) => r.key },
      { header: '名称', value: (r) => r.label },
      { header: '评价数', value: (r) => r.count },
      { header: '平均分', value: (r) => r.average },
      { header: '差评数（1–2分）', value: (r) => r.low },
    ],
  })
  @ApiOperation({ summary: 'Ratings (好差评) per department, service item or month' })
  @Problems({ 400: ['analytics.invalid_range'] })
  ratings(@Query() query: RatingsQuery): Promise<RatingsReport> {
    return this.analytics.ratings(query);
  }

  @Get('rating-tickets')
  @ApiOperation({ summary: '差评 整改 tickets per department: opened, closed, appeals upheld, turnaround' })
  @Problems({ 400: ['analytics.invalid_range'] })
  @ApiOkResponse({ type: RatingTicketsReport, description: '差评 整改 per department: opened, closed, appeals upheld, turnaround; open and overdue now. CSV with ?format=csv' })
  @CsvExport<RatingTicketRow>({
    filename: 'rating-tickets',
    columns: [
      { header: 'key', value: (r) => r.key },
      { header: '部门', value: (r) => r.label },
      { header: '新增工单', value: (r) => r.opened },
      { header: '办结工单', value: (r) => r.closed },
      { header: '申诉成立', value: (r) => r.appealsUpheld },
      { header: '按期办结', value: (r) => r.closedOnTime },
      { header: '平均办结天数', value: (r) => r.averageTurnaroundDays },
      { header: '未办结', value: (r) => r.open },
      { header: '已超期', value: (r) => r.overdue },
    ],
  })
  ratingTickets(@Query() query: RatingTicketsQuery): Promise<RatingTicketsReport> {
    return this.analytics.ratingTickets(query);
  }
}
