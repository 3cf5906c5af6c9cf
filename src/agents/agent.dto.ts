import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class AuthoriseAgentDto {
  @ApiProperty({ example: 'citizen2', description: 'the account that will apply on your behalf' })
  @IsString() @MaxLength(64)
  agentUsername: string;

  @ApiPropertyOptional({ type: [String], example: ['2201-MZ-0003'], description: 'only these items; leave out for every item' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ArrayUnique() @IsString({ each: true }) @MaxLength(64, { each: true })
  serviceItemCodes?: string[];

  @ApiProperty({ example: '2027-06-30', description: 'the last day (China time) the agent may apply' })
  @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validUntil must be a date YYYY-MM-DD' })
  validUntil: string;
}

export class PartyView {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() name: string;
}

export class AuthorisationView {
  @ApiProperty() id: string;
  @ApiProperty({ type: PartyView, description: 'who is represented' }) principal: PartyView;
  @ApiProperty({ type: PartyView, description: 'who applies for them' }) agent: PartyView;
  @ApiProperty({ type: [String], nullable: true, description: 'null: every item' }) serviceItemCodes: string[] | null;
  @ApiProperty({ example: '2027-06-30' }) validUntil: string;
  @ApiProperty({ enum: ['agent', 'legal_representative', 'handler'] }) kind: string;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] }) status: 'active' | 'expired' | 'revoked';
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: String, nullable: true }) revokedAt: Date | null;
}

export class AuthorisationList {
  @ApiProperty({ type: [AuthorisationView] }) items: AuthorisationView[];
  @ApiProperty({ type: String, nullable: true, description: 'always null: a person authorises few agents' }) nextCursor: string | null;
}
