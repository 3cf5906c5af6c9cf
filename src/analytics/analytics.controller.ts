import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import { Roles } from '../auth/auth.decorators.js';
import { RatingsQuery, RatingsReport, TurnaroundQuery, TurnaroundReport, type RatingRow, type TurnaroundRow } from './analytics.dto.js';
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
  @ApiOkResponse({ type: RatingsReport, description: '好差评 per group: count, average, ratings of 1–2; CSV with ?format=csv' })
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
}
