import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'citizen1' })
  @IsString() @MinLength(1) @MaxLength(100)
  username: string;

  @ApiProperty({ example: 'Nanguan@2026' })
  @IsString() @MinLength(1) @MaxLength(200)
  password: string;
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ type: [String], enum: ['citizen', 'clerk', 'supervisor', 'admin'] }) roles: string[];
  @ApiProperty({ type: String, nullable: true }) departmentCode: string | null;
  @ApiProperty() displayName: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'short-lived (JWT_TTL_SECONDS); renew it with the refresh token' }) accessToken: string;
  @ApiPropertyOptional({ description: 'for POST /api/auth/refresh; used once, each refresh hands out the next' }) refreshToken?: string;
  @ApiPropertyOptional({ description: 'seconds the access token lives' }) expiresIn?: number;
  @ApiProperty({ type: UserView }) user: UserView;
}
