import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators.js';
import { CatalogService } from './catalog.service.js';
import type { Department } from './department.entity.js';

/** The catalogue is public: the portal shows it before anyone signs in. */
@ApiTags('catalogue')
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Public()
  @Get('departments')
  @ApiOkResponse({ description: '{ items: [{ code, name }] }' })
  departments(): Promise<{ items: Department[] }> {
    return this.catalog.departments();
  }
}
