import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
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
export class BundleView extends CreateBundleDto {}

export class DepartmentList {
  @ApiProperty({ type: [DepartmentView] }) items: DepartmentView[];
}

export class ServiceItemList {
  @ApiProperty({ type: [ServiceItemView] }) items: ServiceItemView[];
}

export class BundleList {
  @ApiProperty({ type: [BundleView] }) items: BundleView[];
}
