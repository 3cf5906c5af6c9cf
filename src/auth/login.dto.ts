import { ApiProperty } from '@nestjs/swagger';
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
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserView }) user: UserView;
}
