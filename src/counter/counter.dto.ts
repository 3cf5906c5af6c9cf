import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { MaterialRefDto } from '../cases/case.dto.js';

export class WalkInApplicantDto {
  @ApiProperty({ example: '220102195001011234', description: "the 居民身份证 number, read from the card" })
  @IsString() @MaxLength(18)
  idNumber: string;

  @ApiProperty({ example: '李秀英' })
  @IsString() @MinLength(1) @MaxLength(50) @Matches(/\S/, { message: 'name must not be empty' })
  name: string;

  @ApiPropertyOptional({ example: '13912345678' })
  @IsOptional() @IsString() @Matches(/^1[3-9]\d{9}$/, { message: 'phone must be a mainland mobile number' })
  phone?: string;
}

export class CounterCaseDto {
  @ApiProperty({ example: '2201-MZ-0003' })
  @IsString() @MaxLength(64)
  serviceItemCode: string;

  @ApiProperty({ type: WalkInApplicantDto })
  @IsObject() @ValidateNested() @Type(() => WalkInApplicantDto)
  applicant: WalkInApplicantDto;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "the item's form" })
  @IsObject()
  form: Record<string, unknown>;

  @ApiProperty({ type: [MaterialRefDto], description: 'files the clerk scanned and uploaded (POST /api/files)' })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => MaterialRefDto)
  materials: MaterialRefDto[];
}

export class CounterCaseView {
  @ApiProperty() id: string;
  @ApiProperty() caseNo: string;
  @ApiProperty() status: string;
  @ApiProperty({ enum: ['counter'] }) channel: 'counter';
  @ApiProperty({ description: "the applicant's account id" }) applicantId: string;
  @ApiProperty({ description: 'true when no account existed: one was reserved, which the person takes over by registering (or signing in through the provider) with the same ID number' })
  accountReserved: boolean;
}
