import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class SmsCodeDto {
  @ApiProperty({ example: '13912345678', description: 'a mainland mobile number' })
  @IsString() @Matches(/^1[3-9]\d{9}$/, { message: 'phone must be a mainland mobile number (11 digits, starting 13–19)' })
  phone: string;
}

export class RegisterDto extends SmsCodeDto {
  @ApiProperty({ example: '123456', description: 'the 6-digit code sent to the phone' })
  @IsString() @Matches(/^\d{6}$/, { message: 'code must be the 6 digits sent by SMS' })
  code: string;

  @ApiProperty({ example: '王小明' })
  @IsString() @MinLength(1) @MaxLength(50) @Matches(/\S/, { message: 'name must not be empty' })
  name: string;

  @ApiProperty({ example: '220102199003071234', description: '18-character 居民身份证 number, checked (region, birth date, check character)' })
  @IsString() @MaxLength(18)
  idNumber: string;

  @ApiProperty({ example: 'A-long-passphrase-2026', minLength: 10 })
  @IsString() @MinLength(10) @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ example: 'wangxm', description: 'chosen username; one is generated when left out' })
  @IsOptional() @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: 'username must be 3–64 characters: lower-case letters, digits, dot, dash, underscore' })
  username?: string;
}

export class RegisteredView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ description: 'name and ID number matched a person of the population registry' }) realNameVerified: boolean;
  @ApiProperty({ description: 'signed in at once: an access token' }) accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty() expiresIn: number;
}

export class RefreshDto {
  @ApiProperty({ example: 'q3Yk1Wm0c8yQ2rJ7h5tXbA9eN4uLs6PdVfGz1oRk2Ew', description: 'the refresh token of the last sign-in or refresh' })
  @IsString() @MinLength(20) @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiProperty({ example: 'q3Yk1Wm0c8yQ2rJ7h5tXbA9eN4uLs6PdVfGz1oRk2Ew', description: "the refresh token of the session to end (as in token revocation, RFC 7009: an unknown one ends nothing and is no error)" })
  @IsString() @MinLength(20) @MaxLength(200)
  refreshToken: string;
}

export class TokensView {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty() expiresIn: number;
}

export class ProviderView {
  @ApiProperty({ description: 'sign-in through the identity provider is configured' }) oidc: boolean;
}

export class SmsCodeSentView {
  @ApiProperty({ description: 'how long the code is valid', example: 300 }) expiresInSeconds: number;
}
