import type { IncomingHttpHeaders } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import { AccessTokens } from '../auth/access-tokens.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SIGN_IN_ATTEMPTS } from './rate-limit.decorators.js';

/**
 * @nestjs/throttler's guard, counting signed-in callers per account (wherever they call from, so a
 * shared office address does not pool a department's budget) and anyone else per client address
 * (`req.ip`, which honours TRUST_PROXY). It runs before authentication, so a flood of made-up tokens
 * is limited too: an invalid token counts against the address.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly tokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const bearer = await this.tokens.bearerOf(request as { headers: IncomingHttpHeaders });
    return bearer.kind === 'valid' ? `account:${bearer.userId}` : this.addressOf(request);
  }

  protected override handleRequest(props: ThrottlerRequest): Promise<boolean> {
    if (!this.reflector.get<boolean | undefined>(SIGN_IN_ATTEMPTS, props.context.getHandler())) return super.handleRequest(props);
    return super.handleRequest({ ...props, limit: this.config.http.loginRateLimitPerMinute, getTracker: (request) => this.addressOf(request) });
  }

  private async addressOf(request: Record<string, unknown>): Promise<string> {
    return `address:${await super.getTracker(request)}`;
  }
}
