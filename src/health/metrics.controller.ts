import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators.js';

/** Prometheus text at /api/metrics; meant for the scraper on the private network, so no token. */
@ApiTags('health')
@Controller()
export class MetricsController extends PrometheusController {
  @Public()
  @SkipThrottle()
  @Get()
  @ApiOkResponse({ description: 'Prometheus exposition format' })
  override index(@Res({ passthrough: true }) response: Response): Promise<string> {
    return super.index(response);
  }
}
