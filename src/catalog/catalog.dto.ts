import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ITEM_TYPES, ONLINE_DEPTHS, SUBJECT_TYPES, type FieldMapping, type ItemType, type OnlineDepth, type SubjectType } from '@app/service-guide';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { FAILURE_POLICIES, type FailurePolicy } from './bundle.entity.js';

const CODE = /^[A-Za-z0-9][A-Za-z0-9-]{1,63}$/;
const KEY = /^[a-z][a-z0-9-]{1,63}$/;

export class MaterialDto {
  @ApiProperty({ example: 'businessLicense' })
  @IsString() @Matches(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { message: 'key must be a letter followed by letters, digits or _' })
  key: string;

  @ApiProperty({ example: '营业执照' })
  @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiProperty() @IsBoolean()
  required: boolean;

  @ApiProperty({ description: '容缺受理: may be missing at acceptance, delivered later' }) @IsBoolean()
  tolerant: boolean;
}

/** 收费: free, or the standard and the document that sets it. */
export class FeeDto {
  @ApiProperty({ description: 'true: 不收费' }) free: boolean;
  @ApiPropertyOptional({ description: '收费标准 (required when not free)' }) standard?: string;
  @ApiPropertyOptional({ description: '收费依据 (required when not free)' }) basis?: string;
}

/** The body of PUT /service-items/:code; POST adds the code. */
export class ServiceItemFieldsDto {
  @ApiProperty({ example: '食品经营许可证核发' })
  @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'market-regulation' })
  @IsString() @MinLength(1)
  departmentCode: string;

  @ApiProperty({ description: '法定时限, working days', example: 20 })
  @IsInt() @Min(1) @Max(365)
  statutoryDays: number;

  @ApiProperty({ description: '承诺时限, working days (≤ statutoryDays)', example: 10 })
  @IsInt() @Min(1) @Max(365)
  promisedDays: number;

  @ApiProperty({ type: [MaterialDto] })
  @IsArray() @ValidateNested({ each: true }) @Type(() => MaterialDto)
  materials: MaterialDto[];

  @ApiProperty({ description: 'JSON Schema 2020-12 of the form; every property has examples', type: 'object', additionalProperties: true })
  @IsObject()
  formSchema: Record<string, unknown>;

  @ApiProperty({ example: 'food-business-license' })
  @IsString() @Matches(KEY, { message: 'workflowKey must be kebab-case' })
  workflowKey: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 60, example: 20, description: '告知承诺: a case a rule approves on the applicant’s commitment gets a follow-up check by the department due this many working days later; null or absent: no check' })
  @IsOptional() @IsInt() @Min(1) @Max(60)
  commitmentCheckDays?: number | null;

  // The 实施清单 fields: required on every write and checked by libs/service-guide (guideErrors), which
  // names each field at fault; the DTO only declares them for OpenAPI.

  @ApiProperty({ enum: ITEM_TYPES, description: '事项类型: instant 即办件 | promised 承诺件' })
  @Allow()
  itemType: ItemType;

  @ApiProperty({ enum: SUBJECT_TYPES, isArray: true, description: '服务对象' })
  @Allow()
  subjectTypes: SubjectType[];

  @ApiProperty({ type: [String], description: '设定依据: each a law or regulation in 《》 and its article', example: ['《中华人民共和国食品安全法》第三十五条'] })
  @Allow()
  legalBasis: string[];

  @ApiProperty({ type: FeeDto, description: '收费' })
  @Allow()
  fee: FeeDto;

  @ApiProperty({ description: '办理地点', example: '长春市南关区政务服务中心市场监督管理局窗口' })
  @Allow()
  location: string;

  @ApiProperty({ description: '办公时间', example: '工作日 8:30—11:30，13:00—17:00（法定节假日除外）' })
  @Allow()
  officeHours: string;

  @ApiProperty({ description: '咨询电话', example: '12345' })
  @Allow()
  consultPhone: string;

  @ApiProperty({ description: '监督投诉电话', example: '12315' })
  @Allow()
  complaintPhone: string;

  @ApiProperty({ enum: ONLINE_DEPTHS, description: '网办深度: information 一级 | online-prereview 二级 网上预审 | online-acceptance 三级 网上受理 | fully-online 四级 全程网办' })
  @Allow()
  onlineDepth: OnlineDepth;
}


export class CreateServiceItemDto extends ServiceItemFieldsDto {
  @ApiProperty({ example: '2201-SC-0001' })
  @IsString() @Matches(CODE, { message: 'code must be 2–64 letters, digits or -' })
  code: string;
}

export class BundleFieldsDto {
  @ApiProperty({ example: '我要开餐馆' })
  @IsString() @MinLength(1) @MaxLength(200)
  name: string;

  @ApiProperty({ type: [String], example: ['2201-SC-0002', '2201-SC-0001'] })
  @IsArray() @ArrayMinSize(2) @ArrayUnique() @IsString({ each: true })
  serviceItemCodes: string[];

  @ApiProperty({ enum: FAILURE_POLICIES })
  @IsIn(FAILURE_POLICIES)
  failurePolicy: FailurePolicy;

  @ApiPropertyOptional({
    description: '一表申请: per item code, item field → bundle field (where items name one thing differently, or one name means two things). Checked with the merge when the bundle is saved.',
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
    example: { '2201-SC-0001': { businessScope: 'foodBusinessScope' } },
  })
  @IsOptional() @IsObject()
  fieldMapping?: FieldMapping;
}

export class CreateBundleDto extends BundleFieldsDto {
  @ApiProperty({ example: 'open-restaurant' })
  @IsString() @Matches(KEY, { message: 'code must be kebab-case' })
  code: string;
}

export class DepartmentView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class ServiceItemView extends CreateServiceItemDto {}

export class BundleView extends CreateBundleDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'string' } } })
  declare fieldMapping: FieldMapping;
}

export class BundleConflictView {
  @ApiProperty({ description: 'the bundle field' }) field: string;
  @ApiProperty({ type: [String], description: 'the two items' }) items: string[];
  @ApiProperty({ type: [String], description: 'their fields behind it' }) itemFields: string[];
  @ApiProperty() reason: string;
}

/** GET /bundles/:code: the bundle with its one merged form (一表申请). */
export class BundleDetailView extends BundleView {
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'ONE JSON Schema 2020-12 for the whole bundle; a field several items ask for appears once. Null only for a bundle stored before merging was checked whose items conflict (see conflicts).' })
  formSchema: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, description: 'bundle field → the items that ask for it', example: { phone: ['2201-SC-0002', '2201-SC-0001'] } })
  fieldOwners: Record<string, string[]>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: { type: 'object' } }, description: 'bundle field → [{ item, field }]: which item field each owner fills from it' })
  fieldSources: Record<string, { item: string; field: string }[]>;

  @ApiProperty({ description: 'number of fields the items ask for one by one (the merged form asks for fewer)' })
  itemFieldCount: number;

  @ApiProperty({ type: [BundleConflictView] })
  conflicts: BundleConflictView[];
}

export class DepartmentList {
  @ApiProperty({ type: [DepartmentView] }) items: DepartmentView[];
}

export class ServiceItemList {
  @ApiProperty({ type: [ServiceItemView] }) items: ServiceItemView[];
}

export class BundleList {
  @ApiProperty({ type: [BundleView] }) items: BundleView[];
}
