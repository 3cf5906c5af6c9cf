import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { Response } from 'express';
import { AdminOrMetricsToken } from '../auth/auth.decorators.js';

/** Prometheus text at /api/metrics, for an admin or the scraper holding METRICS_TOKEN. */
@ApiTags('health')
@ApiBearerAuth()
@Controller()
export class MetricsController extends PrometheusController {
  @AdminOrMetricsToken()
  @SkipThrottle()
  @Get()
  @ApiOperation({ summary: 'Prometheus metrics', description: 'Send an admin access token, or METRICS_TOKEN as the bearer token.' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus exposition format', schema: { type: 'string' } })
  @ApiUnauthorizedResponse({ description: 'No token, or neither a valid access token nor METRICS_TOKEN' })
  @ApiForbiddenResponse({ description: 'Signed in, but not an admin' })
  override index(@Res({ passthrough: true }) response: Response): Promise<string> {
    return super.index(response);
  }
}
