import { formatChinaMinute } from '@app/business-calendar';
import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { UuidParamPipe } from '../http/path-params.js';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { CsvExport } from '../reporting/csv-export.js';
import { RiskDetection } from './risk-detection.service.js';
import { ForecastItem, ForecastQuery, ForecastView, ScanCreatedView, ScanView } from './risk-monitor.dto.js';
import { RiskScanService } from './risk-scan.service.js';

@ApiTags('risk-monitor')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('risk-monitor')
export class RiskMonitorController {
  constructor(
    private readonly detection: RiskDetection,
    private readonly scans: RiskScanService,
  ) {}

  @Get('forecast')
  @ApiOkResponse({ type: ForecastView, description: 'What a scan at asOf would flag; nothing is stored. CSV with ?format=csv' })
  @CsvExport<ForecastItem>({
    filename: 'risk-forecast',
    columns: [
      { header: 'kind', value: (i) => i.kind },
      { header: '级别', value: (i) => (i.severity === 'red' ? '红牌' : '黄牌') },
      { header: '部门', value: (i) => i.departmentCode },
      { header: '办件编号', value: (i) => (i.facts.caseNo as string | undefined) ?? null },
      { header: '期限', value: (i) => (i.facts.dueAt ? formatChinaMinute(i.facts.dueAt) : null) },
      { header: '说明', value: (i) => i.detail },
      { header: 'caseId', value: (i) => i.caseId },
      { header: 'taskId', value: (i) => i.taskId },
    ],
  })
  @ApiOperation({ summary: 'What a scan at a given moment would flag (nothing is stored)' })
  forecast(@Query() query: ForecastQuery): Promise<ForecastView> {
    return this.detection.forecast(query);
  }

  @Post('scan')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: ScanCreatedView, description: 'Queued; poll GET /risk-monitor/scans/:scanId' })
  @ApiOperation({ summary: 'Queue a risk scan of every open case now' })
  scan(@CurrentUser() caller: Caller): Promise<ScanCreatedView> {
    return this.scans.request(caller);
  }

  @Get('scans/:scanId')
  @ApiOkResponse({ type: ScanView })
  @ApiOperation({ summary: "One scan's progress and what it flagged" })
  @Problems({ 404: ['risk_scan.not_found'] })
  get(@Param('scanId', UuidParamPipe) scanId: string): Promise<ScanView> {
    return this.scans.get(scanId);
  }
}
