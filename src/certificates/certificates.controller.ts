import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import { Public } from '../auth/auth.decorators.js';
import { CertificateVerification } from './certificate.dto.js';
import { CertificatesService } from './certificates.service.js';

@ApiTags('certificates')
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Public()
  @Get(':code/verify')
  @ApiOkResponse({ type: CertificateVerification })
  @ApiOperation({ summary: 'Verify a licence by its code (public)' })
  @Problems({ 404: ['certificate.not_found'] })
  verify(@Param('code') code: string): Promise<CertificateVerification> {
    return this.certificates.verify(code);
  }
}
