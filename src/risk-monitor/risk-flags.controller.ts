import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { UuidParamPipe } from '../http/path-params.js';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import { CsvExport } from '../reporting/csv-export.js';
import { AcknowledgeFlagDto, FlagPage, FlagQuery, FlagView, ResolveFlagDto } from './risk-monitor.dto.js';
import { RiskFlagsService } from './risk-flags.service.js';

@ApiTags('risk-monitor')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('risk-flags')
export class RiskFlagsController {
  constructor(private readonly flags: RiskFlagsService) {}

  @Get()
  @ApiOkResponse({ type: FlagPage, description: 'Newest first; CSV (one page) with ?format=csv' })
  @CsvExport<FlagView>({
    filename: 'risk-flags',
    columns: [
      { header: 'id', value: (f) => f.id },
      { header: 'kind', value: (f) => f.kind },
      { header: '级别', value: (f) => (f.severity === 'red' ? '红牌' : '黄牌') },
      { header: '状态', value: (f) => f.status },
      { header: '部门', value: (f) => f.departmentCode },
      { header: '发现时间', value: (f) => f.detectedAt },
      { header: '说明', value: (f) => f.detail },
      { header: '督办级别', value: (f) => f.escalationLevel },
      { header: '处理意见', value: (f) => f.resolutionComment },
    ],
  })
  @ApiOperation({ summary: 'Risk flags (电子监察), newest first' })
  list(@Query() query: FlagQuery): Promise<FlagPage> {
    return this.flags.list(query);
  }

  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: FlagView, description: 'Acknowledged: escalation stops; 409 if resolved' })
  @ApiOperation({ summary: 'Acknowledge a flag: its escalation stops' })
  @Problems({ 404: ['risk_flag.not_found'], 409: ['risk_flag.resolved'] })
  acknowledge(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller, @Body() dto: AcknowledgeFlagDto): Promise<FlagView> {
    return this.flags.acknowledge(id, caller, dto);
  }

  @Post(':id/resolve')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: FlagView, description: 'Resolved with the comment; 409 if resolved already' })
  @ApiOperation({ summary: 'Resolve a flag with a comment' })
  @Problems({ 404: ['risk_flag.not_found'], 409: ['risk_flag.resolved'] })
  resolve(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller, @Body() dto: ResolveFlagDto): Promise<FlagView> {
    return this.flags.resolve(id, caller, dto);
  }
}
