import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from './user.entity.js';

export class CreateUserDto {
  @ApiProperty({ example: 'clerk.health.2' })
  @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: 'username must be 3–64 characters: lower-case letters, digits, dot, dash, underscore' })
  username: string;

  @ApiProperty({ description: 'Set only; never read back', example: 'A-long-passphrase-2026' })
  @IsString() @MinLength(10) @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['clerk'] })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'health' })
  @IsOptional() @IsString()
  departmentCode?: string | null;

  @ApiProperty({ example: '王芳' })
  @IsString() @MinLength(1) @MaxLength(100)
  displayName: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ description: 'Set only; never read back' })
  @IsOptional() @IsString() @MinLength(10) @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional() @IsString()
  departmentCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsBoolean()
  disabled?: boolean;
}

export class StaffView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ type: String, nullable: true }) departmentCode: string | null;
  @ApiProperty() displayName: string;
  @ApiProperty() disabled: boolean;
  @ApiProperty() createdAt: Date;
}

export class StaffPage {
  @ApiProperty({ type: [StaffView] }) items: StaffView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ProfileEnterpriseView {
  @ApiProperty({ example: '长春市南关区福顺餐饮有限公司' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '91220102MA17Q5C827' }) uscc: string | null;
  @ApiProperty({ type: String, nullable: true, example: '刘洋' }) legalRepresentative: string | null;
  @ApiProperty({ type: String, nullable: true, example: '南关区' }) district: string | null;
}

/** GET /api/my/profile: what the holder's own application forms are pre-filled with. */
export class ProfileView {
  @ApiProperty({ example: '张伟' }) name: string;
  @ApiProperty({ type: String, nullable: true, description: "the holder's own ID number, whole; null for an enterprise account" }) idNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: ProfileEnterpriseView, nullable: true, description: 'an enterprise account: the enterprise' }) enterprise: ProfileEnterpriseView | null;
}
