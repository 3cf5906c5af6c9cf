import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiFoundResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiServiceUnavailableResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { LimitAsSignIn } from '../rate-limit/rate-limit.decorators.js';
import { LogoutDto, ProviderView, RefreshDto, RegisterDto, RegisteredView, SmsCodeDto, SmsCodeSentView, TokensView } from './identity.dto.js';
import { OidcService } from './oidc.service.js';
import { RegistrationService } from './registration.service.js';
import { SessionsService } from './sessions.service.js';
import { SmsCodesService } from './sms-codes.service.js';

/** Where the pages pick up a provider sign-in: the tokens travel in the fragment, which no server or log sees. */
export const OIDC_LANDING = '/login/provider';

@ApiTags('auth')
@Controller('auth')
export class IdentityController {
  constructor(
    private readonly codes: SmsCodesService,
    private readonly registration: RegistrationService,
    private readonly sessions: SessionsService,
    private readonly oidc: OidcService,
  ) {}

  @Public()
  @LimitAsSignIn()
  @Post('sms-code')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a 6-digit registration code by SMS (valid 5 minutes, 5 tries)' })
  @ApiAcceptedResponse({ description: 'the code is on its way', type: SmsCodeSentView })
  @ApiBadRequestResponse({ description: '`validation.failed`: not a mainland mobile number' })
  @ApiTooManyRequestsResponse({ description: '`auth.sms_code_too_soon` (one a minute), `auth.sms_code_phone_limit` (5 an hour per phone), `auth.sms_code_address_limit` (per address), `rate_limited`; Retry-After says when' })
  @ApiServiceUnavailableResponse({ description: '`auth.sms_unavailable`: the SMS gateway (SMS_WEBHOOK_URL) accepted none of the attempts; ask again after Retry-After' })
  async smsCode(@Body() body: SmsCodeDto, @Req() request: Request): Promise<SmsCodeSentView> {
    await this.codes.send(body.phone, request.ip ?? 'unknown');
    return { expiresInSeconds: 300 };
  }

  @Public()
  @LimitAsSignIn()
  @Post('register')
  @ApiOperation({ summary: 'Register a citizen: phone + SMS code, name, ID number, password (实名注册)' })
  @ApiCreatedResponse({ type: RegisteredView })
  @ApiBadRequestResponse({ description: '`identity.invalid_id_number` (path idNumber), `auth.sms_code_wrong`, `auth.sms_code_expired`, `auth.sms_code_spent` (path code), `validation_failed`' })
  @ApiConflictResponse({ description: '`identity.person_registered`: this ID number has an account; `user.username_taken`' })
  @ApiUnprocessableEntityResponse({ description: '`identity.registry_mismatch`: the name differs from the population registry' })
  register(@Body() body: RegisterDto): Promise<RegisteredView> {
    return this.registration.register(body);
  }

  @Public()
  @LimitAsSignIn()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token (once) for new access and refresh tokens' })
  @ApiOkResponse({ type: TokensView })
  @ApiUnauthorizedResponse({ description: '`auth.refresh_invalid`, `auth.refresh_expired`, `auth.session_revoked`, `auth.session_ended`, `auth.refresh_reused` (a used token came back: the session is revoked)' })
  async refresh(@Body() body: RefreshDto): Promise<TokensView> {
    const { accessToken, refreshToken, expiresIn } = await this.sessions.refresh(body.refreshToken);
    return { accessToken, refreshToken, expiresIn };
  }

  @Public()
  @LimitAsSignIn()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: end the session of the refresh token; its access and refresh tokens stop working at once' })
  @ApiNoContentResponse({ description: 'signed out (also for a token that names no session: nothing to end)' })
  async logout(@Body() body: LogoutDto): Promise<void> {
    // By the refresh token, not the bearer: whoever holds it may end its session, and nothing else is ended.
    const sessionId = await this.sessions.sessionOfRefreshToken(body.refreshToken);
    if (sessionId) await this.sessions.revoke(sessionId, 'logout');
  }

  @Public()
  @Get('providers')
  @ApiOperation({ summary: 'Which sign-in methods besides the password are configured' })
  @ApiOkResponse({ type: ProviderView })
  providers(): ProviderView {
    return { oidc: this.oidc.enabled };
  }

  @Public()
  @LimitAsSignIn()
  @Get('oidc/login')
  @ApiOperation({ summary: "Start a sign-in at the province's identity provider (authorization code + PKCE): a redirect there" })
  @ApiFoundResponse({ description: 'Location: the provider' })
  @ApiNotFoundResponse({ description: '`identity.oidc_not_configured`' })
  async oidcLogin(@Req() request: Request, @Res() response: Response): Promise<void> {
    response.redirect(302, await this.oidc.loginUrl(`${request.protocol}://${request.get('host')}`));
  }

  @Public()
  @Get('oidc/callback')
  @ApiOperation({ summary: 'Where the provider sends the browser back: signs the person in (account linked or made by the ID-number claim)' })
  @ApiFoundResponse({ description: `Location: ${OIDC_LANDING}#accessToken=…&refreshToken=…&expiresIn=…` })
  @ApiBadRequestResponse({ description: '`identity.oidc_state_unknown`, `identity.oidc_refused`, `identity.oidc_failed`, `identity.oidc_claims_missing`, `identity.invalid_id_number`' })
  async oidcCallback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const query = new URLSearchParams(request.originalUrl.split('?')[1] ?? '');
    const session = await this.oidc.callback(query);
    const fragment = new URLSearchParams({ accessToken: session.accessToken, refreshToken: session.refreshToken, expiresIn: String(session.expiresIn) });
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, `${OIDC_LANDING}#${fragment.toString()}`);
  }
}
