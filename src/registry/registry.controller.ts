import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { UuidParamPipe } from '../http/path-params.js';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import type { Request } from 'express';
import { RecordsPersonalDataAccess } from '../audit/personal-data-access.interceptor.js';
import { CurrentUser, Roles, type Caller } from '../auth/auth.decorators.js';
import type { Page } from '../http/pagination.js';
import type { ImportSummary } from './registry-import.service.js';
import { ChangePage, ChangesQuery, ImportResultView, ImportView, type ChangeView } from './registry.dto.js';
import { RegistryService } from './registry.service.js';

const UPLOAD_TYPES = ['text/csv', 'application/x-ndjson'];
const uploadBody = {
  description:
    'CSV with a header line, or JSON Lines; UTF-8, or GB 18030 with `charset=gb18030`; may be gzip-compressed (Content-Encoding: gzip). ' +
    'Streamed: files of any size are read line by line.',
  schema: { type: 'string', format: 'binary' },
};

@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry')
export class RegistryController {
  constructor(private readonly registry: RegistryService) {}

  @Post('persons/import')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Import persons (upsert by idNumber); bad lines are listed, good lines stored' })
  @ApiConsumes(...UPLOAD_TYPES)
  @ApiBody(uploadBody)
  @ApiOkResponse({ type: ImportResultView })
  @Problems({ 400: ['registry.invalid_header', 'registry.invalid_gzip'], 415: ['registry.unsupported_media_type'] })
  importPersons(@Req() request: Request, @CurrentUser() caller: Caller): Promise<ImportSummary> {
    return this.registry.upload('person', request, caller.id);
  }

  @Post('enterprises/import')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Import enterprises (upsert by uscc); bad lines are listed, good lines stored' })
  @ApiConsumes(...UPLOAD_TYPES)
  @ApiBody(uploadBody)
  @ApiOkResponse({ type: ImportResultView })
  @Problems({ 400: ['registry.invalid_header', 'registry.invalid_gzip'], 415: ['registry.unsupported_media_type'] })
  importEnterprises(@Req() request: Request, @CurrentUser() caller: Caller): Promise<ImportSummary> {
    return this.registry.upload('enterprise', request, caller.id);
  }

  @Get('imports/:id')
  @Roles('admin')
  @ApiOkResponse({ type: ImportView })
  @ApiOperation({ summary: 'One import: its counters and the lines it refused' })
  @Problems({ 404: ['registry.import_not_found'] })
  getImport(@Param('id', UuidParamPipe) id: string): Promise<ImportView> {
    return this.registry.getImport(id);
  }

  @Get('changes')
  @Roles('admin', 'clerk', 'supervisor')
  @ApiOperation({ summary: "What imports changed in one person (idNumber) or enterprise (uscc), newest first; a person's identifying fields masked" })
  @ApiOkResponse({ type: ChangePage })
  // A person's change log is a read of their registry record; an enterprise's holds no personal data.
  @RecordsPersonalDataAccess<Page<ChangeView>>({
    subjects: (page) => [...new Set(page.items.filter((c) => c.subjectType === 'person').map((c) => c.subjectId))].map((id) => ({ kind: 'registry-person', id })),
  })
  @Problems({ 400: ['registry.subject_required'] })
  changes(@Query() query: ChangesQuery): Promise<Page<ChangeView>> {
    return this.registry.changes(query);
  }
}
