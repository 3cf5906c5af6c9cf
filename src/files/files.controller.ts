import { Controller, Get, Header, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { UuidParamPipe } from '../http/path-params.js';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiProduces, ApiTags, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { RecordsPersonalDataAccess } from '../audit/personal-data-access.interceptor.js';
import { CurrentUser, type Caller } from '../auth/auth.decorators.js';
import { ALLOWED_TYPES } from './content-type.js';
import { FileView, UploadFileForm } from './file.dto.js';
import { FilesService } from './files.service.js';
import { UploadInterceptor } from './upload.interceptor.js';
import type { SpooledUpload } from './upload-spool.js';

@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadFileForm })
  @ApiCreatedResponse({ type: FileView })
  @ApiPayloadTooLargeResponse({ description: '`file.too_large`: over MAX_UPLOAD_BYTES' })
  @ApiUnsupportedMediaTypeResponse({
    description: '`file.type_not_allowed`: the content is not PDF, PNG, JPEG, TIFF or OFD; `file.unsafe_archive`: an OFD whose entries leave the archive, or too many or too large',
  })
  @ApiOperation({ summary: 'Upload a file (a material for an application)' })
  upload(@CurrentUser() caller: Caller, @UploadedFile() upload: SpooledUpload): Promise<FileView> {
    return this.files.store(caller.id, upload);
  }

  @Get(':id')
  @ApiOkResponse({ type: FileView })
  @ApiNotFoundResponse({ description: '`file.not_found`: no such file, or neither yours nor a material of a case you can see' })
  @ApiOperation({ summary: "A file's name, type, size and checksum" })
  describe(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller): Promise<FileView> {
    return this.files.describe(id, caller);
  }

  @Get(':id/content')
  // Personal documents, often fetched on shared counter terminals: no cache keeps a copy.
  @Header('Cache-Control', 'private, no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  // Should a browser render the content anyway, it runs no script and loads nothing.
  @Header('Content-Security-Policy', "default-src 'none'; sandbox")
  @ApiProduces(...Object.keys(ALLOWED_TYPES))
  @ApiOkResponse({ description: 'The content, as an attachment with its detected type', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: '`file.not_found`: no such file, or neither yours nor a material of a case you can see' })
  @RecordsPersonalDataAccess<StreamableFile>({ subjects: (_content, request) => [{ kind: 'file', id: String(request.params.id) }] })
  @ApiOperation({ summary: "A file's content, as an attachment" })
  content(@Param('id', UuidParamPipe) id: string, @CurrentUser() caller: Caller): Promise<StreamableFile> {
    return this.files.content(id, caller);
  }
}
