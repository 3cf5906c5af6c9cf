import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { LimitAsSignIn } from '../rate-limit/rate-limit.decorators.js';
import { Public } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { LoginDto, LoginResponse } from './login.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @LimitAsSignIn()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: an access token for the account' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: '`auth.unauthenticated`: wrong username or password' })
  @ApiTooManyRequestsResponse({
    description:
      '`auth.too_many_attempts`: too many consecutive failures for this username (Retry-After says how long to wait), or `rate_limited`: too many attempts from this address',
  })
  login(@Body() body: LoginDto): Promise<LoginResponse> {
    return this.auth.login(body.username, body.password);
  }
}
