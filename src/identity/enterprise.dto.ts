import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class RegisterEnterpriseDto {
  @ApiProperty({ example: '91220102MA0Y3B7K4X', description: '统一社会信用代码 (checked); you become its legal representative' })
  @IsString() @MaxLength(18)
  uscc: string;

  @ApiProperty({ example: '长春市南关区福顺餐饮有限公司' })
  @IsString() @MinLength(2) @MaxLength(100) @Matches(/\S/, { message: 'name must not be empty' })
  name: string;
}

export class EnterprisePartyView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

/** The caller's own authorisation to act for the enterprise: what they may apply for, and until when. */
export class EnterpriseAuthorisationView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] }) status: 'active' | 'expired' | 'revoked';
  @ApiProperty({ type: [String], nullable: true, description: 'null: every item' }) serviceItemCodes: string[] | null;
  @ApiProperty({ example: '2027-06-30' }) validUntil: string;
}

export class EnterpriseView {
  @ApiProperty({ description: "the enterprise's account id: apply for it with onBehalfOf" }) id: string;
  @ApiProperty() uscc: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'credit code and name found in the legal-entity registry' }) registryVerified: boolean;
  @ApiProperty({ enum: ['legal_representative', 'handler'], description: 'how you act for it' }) role: 'legal_representative' | 'handler';
  @ApiProperty({ type: EnterprisePartyView, description: '法定代表人' }) legalRepresentative: EnterprisePartyView;
  @ApiProperty({ type: EnterpriseAuthorisationView, description: 'your authorisation: an active one if you hold one, else your latest' })
  authorisation: EnterpriseAuthorisationView;
}

export class EnterpriseList {
  @ApiProperty({ type: [EnterpriseView] }) items: EnterpriseView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
