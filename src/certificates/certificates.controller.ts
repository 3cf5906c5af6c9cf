import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
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
  @ApiOperation({ summary: 'Verify a licence by its code (public)' })
  @Problems({ 404: ['certificate.not_found'] })
  verify(@Param('code') code: string): Promise<CertificateVerification> {
    return this.certificates.verify(code);
  }

  @Post(':code/revoke')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOkResponse({ type: CertificateVerification, description: '撤销: the licence no longer verifies (valid: false, revokedAt, reason); the holder is notified' })
  @ApiOperation({ summary: 'Revoke a licence (撤销) with a reason; the holder is notified' })
  @Problems({ 404: ['certificate.not_found'], 409: ['certificate.already_revoked'] })
  revoke(@Param('code') code: string, @CurrentUser() caller: Caller, @Body() body: RevokeCertificateDto): Promise<CertificateVerification> {
    return this.certificates.revoke(code, caller, body.reason);
  }
}
