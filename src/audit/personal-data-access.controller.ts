import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { CsvExport } from '../reporting/csv-export.js';
import type { Page } from '../http/pagination.js';
import { AccessLogQuery, AccessPage, AccessView } from './personal-data-access.dto.js';
import { PersonalDataAccessLog } from './personal-data-access.service.js';

@ApiTags('audit')
@ApiBearerAuth()
@Roles('supervisor', 'admin')
@Controller('audit/personal-data-access')
export class PersonalDataAccessController {
  constructor(private readonly log: PersonalDataAccessLog) {}

  @Get()
  @ApiOperation({ summary: 'Who read which personal data, when and why (个人信息保护法); newest first, CSV (one page) with ?format=csv' })
  @ApiOkResponse({ type: AccessPage })
  @ApiBadRequestResponse({ description: '`validation.failed` naming the filter at fault; `pagination.bad_cursor`' })
  @ApiForbiddenResponse({ description: 'Only supervisors and admins read the access log' })
  @CsvExport<AccessView>({
    filename: 'personal-data-access',
    columns: [
      { header: 'id', value: (a) => a.id },
      { header: '时间', value: (a) => a.accessedAt },
      { header: '用户ID', value: (a) => a.userId },
      { header: '用户名', value: (a) => a.username },
      { header: '对象类型', value: (a) => a.subjectKind },
      { header: '对象ID', value: (a) => a.subjectId },
      { header: '用途（接口）', value: (a) => a.purpose },
      { header: '请求ID', value: (a) => a.requestId },
      { header: '完整显示', value: (a) => (a.revealed ? '是' : '否') },
      { header: '申明用途', value: (a) => a.statedPurpose },
    ],
  })
  list(@Query() query: AccessLogQuery): Promise<Page<AccessView>> {
    return this.log.list(query);
  }
}
