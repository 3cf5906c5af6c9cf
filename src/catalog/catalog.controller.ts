import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../auth/auth.decorators.js';
import {
  BundleDetailView,
  BundleFieldsDto,
  BundleView,
  CreateBundleDto,
  CreateServiceItemDto,
  DepartmentView,
  ServiceItemFieldsDto,
  ServiceItemView,
} from './catalog.dto.js';
import { CatalogService } from './catalog.service.js';

/** The catalogue is public to read: the portal shows it before anyone signs in. Admins write. */
@ApiTags('catalogue')
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Public()
  @Get('departments')
  @ApiOkResponse({ description: '{ items: [{ code, name }] }', type: DepartmentView, isArray: true })
  departments(): Promise<{ items: DepartmentView[] }> {
    return this.catalog.departments();
  }

  @Public()
  @Get('service-items')
  @ApiOkResponse({ description: '{ items: [...] }', type: ServiceItemView, isArray: true })
  items(): Promise<{ items: ServiceItemView[] }> {
    return this.catalog.items();
  }

  @Public()
  @Get('service-items/:code')
  @ApiOkResponse({ type: ServiceItemView })
  item(@Param('code') code: string): Promise<ServiceItemView> {
    return this.catalog.item(code);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Post('service-items')
  @ApiCreatedResponse({ type: ServiceItemView })
  @ApiBadRequestResponse({ description: 'validation: errors[] name each field at fault, the 实施清单 fields included (itemType, subjectTypes, legalBasis, fee, location, officeHours, consultPhone, complaintPhone, onlineDepth)' })
  createItem(@Body() body: CreateServiceItemDto): Promise<ServiceItemView> {
    return this.catalog.createItem(body);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Put('service-items/:code')
  @ApiOkResponse({ type: ServiceItemView })
  @ApiBadRequestResponse({ description: 'as for POST; also catalog.bundle_form_conflict when the new form no longer merges into a bundle holding the item' })
  updateItem(@Param('code') code: string, @Body() body: ServiceItemFieldsDto): Promise<ServiceItemView> {
    return this.catalog.updateItem(code, body);
  }

  @Public()
  @Get('bundles')
  @ApiOkResponse({ description: '{ items: [...] }', type: BundleView, isArray: true })
  bundles(): Promise<{ items: BundleView[] }> {
    return this.catalog.bundles();
  }

  @Public()
  @Get('bundles/:code')
  @ApiOkResponse({ type: BundleDetailView, description: 'the bundle with ONE merged formSchema (一表申请) and fieldOwners' })
  bundle(@Param('code') code: string): Promise<BundleDetailView> {
    return this.catalog.bundle(code);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Post('bundles')
  @ApiCreatedResponse({ type: BundleView })
  @ApiBadRequestResponse({ description: 'catalog.bundle_form_conflict: two items use one field name with different meanings (errors name both items and the field; map one away with fieldMapping)' })
  createBundle(@Body() body: CreateBundleDto): Promise<BundleView> {
    return this.catalog.createBundle(body);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Put('bundles/:code')
  @ApiOkResponse({ type: BundleView })
  @ApiBadRequestResponse({ description: 'catalog.bundle_form_conflict, as for POST' })
  updateBundle(@Param('code') code: string, @Body() body: BundleFieldsDto): Promise<BundleView> {
    return this.catalog.updateBundle(code, body);
  }
}
