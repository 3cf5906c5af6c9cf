import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, type Caller } from '../auth/auth.decorators.js';
import { CertificateVerification, RevokeCertificateDto } from './certificate.dto.js';
import { CertificatesService } from './certificates.service.js';

@ApiTags('certificates')
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Public()
  @Get(':code/verify')
  @ApiOkResponse({ type: CertificateVerification })
  verify(@Param('code') code: string): Promise<CertificateVerification> {
    return this.certificates.verify(code);
  }

  @Post(':code/revoke')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: CertificateVerification, description: '撤销: the licence no longer verifies (valid: false, revokedAt, reason); the holder is notified' })
  @ApiNotFoundResponse({ description: '`certificate.not_found`' })
  @ApiConflictResponse({ description: '`certificate.already_revoked`' })
  revoke(@Param('code') code: string, @CurrentUser() caller: Caller, @Body() body: RevokeCertificateDto): Promise<CertificateVerification> {
    return this.certificates.revoke(code, caller, body.reason);
  }
}
