import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Problems } from '../http/problems.decorator.js';
import { Public, Roles } from '../auth/auth.decorators.js';
import {
  BundleDetailView,
  BundleFieldsDto,
  BundleView,
  CreateBundleDto,
  CreateServiceItemDto,
  ServiceItemFieldsDto,
  ServiceItemView,
  BundleList,
  DepartmentList,
  ServiceItemList,
} from './catalog.dto.js';
import { CatalogService } from './catalog.service.js';

/** The catalogue is public to read: the portal shows it before anyone signs in. Admins write. */
@ApiTags('catalogue')
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Public()
  @Get('departments')
  @ApiOkResponse({ type: DepartmentList })
  @ApiOperation({ summary: 'The departments (public)' })
  departments(): Promise<DepartmentList> {
    return this.catalog.departments();
  }

  @Public()
  @Get('service-items')
  @ApiOkResponse({ type: ServiceItemList })
  @ApiOperation({ summary: 'The service items of the catalogue (public)' })
  items(): Promise<ServiceItemList> {
    return this.catalog.items();
  }

  @Public()
  @Get('service-items/:code')
  @ApiOkResponse({ type: ServiceItemView })
  @ApiOperation({ summary: 'One service item with its materials and form schema (public)' })
  @Problems({ 404: ['catalog.item_not_found'] })
  item(@Param('code') code: string): Promise<ServiceItemView> {
    return this.catalog.item(code);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Post('service-items')
  @ApiCreatedResponse({ type: ServiceItemView })
  @ApiOperation({ summary: 'Create a service item (with its 实施清单 fields: itemType, subjectTypes, legalBasis, fee, location, officeHours, consultPhone, complaintPhone, onlineDepth)' })
  @Problems({ 400: ['catalog.invalid_item', 'validation.failed'], 409: ['catalog.item_exists'] })
  createItem(@Body() body: CreateServiceItemDto): Promise<ServiceItemView> {
    return this.catalog.createItem(body);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Put('service-items/:code')
  @ApiOkResponse({ type: ServiceItemView })
  @ApiOperation({ summary: "Replace a service item's fields; refused when its new form no longer merges into a bundle holding it" })
  @Problems({ 400: ['catalog.invalid_item', 'validation.failed', 'catalog.bundle_form_conflict'], 404: ['catalog.item_not_found'] })
  updateItem(@Param('code') code: string, @Body() body: ServiceItemFieldsDto): Promise<ServiceItemView> {
    return this.catalog.updateItem(code, body);
  }

  @Public()
  @Get('bundles')
  @ApiOkResponse({ type: BundleList })
  @ApiOperation({ summary: 'The bundles (一件事一次办) of the catalogue (public)' })
  bundles(): Promise<BundleList> {
    return this.catalog.bundles();
  }

  @Public()
  @Get('bundles/:code')
  @ApiOkResponse({ type: BundleDetailView, description: 'the bundle with ONE merged formSchema (一表申请) and fieldOwners' })
  @ApiOperation({ summary: 'One bundle with its merged form (public)' })
  @Problems({ 404: ['catalog.bundle_not_found'] })
  bundle(@Param('code') code: string): Promise<BundleDetailView> {
    return this.catalog.bundle(code);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Post('bundles')
  @ApiCreatedResponse({ type: BundleView })
  @ApiOperation({ summary: 'Create a bundle; two items using one field name with different meanings are refused (map one away with fieldMapping)' })
  @Problems({ 400: ['catalog.invalid_bundle', 'catalog.bundle_form_conflict'], 409: ['catalog.bundle_exists'] })
  createBundle(@Body() body: CreateBundleDto): Promise<BundleView> {
    return this.catalog.createBundle(body);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Put('bundles/:code')
  @ApiOkResponse({ type: BundleView })
  @ApiOperation({ summary: "Replace a bundle's fields" })
  @Problems({ 400: ['catalog.invalid_bundle', 'catalog.bundle_form_conflict'], 404: ['catalog.bundle_not_found'] })
  updateBundle(@Param('code') code: string, @Body() body: BundleFieldsDto): Promise<BundleView> {
    return this.catalog.updateBundle(code, body);
  }
}
