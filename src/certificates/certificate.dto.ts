import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class CertificateVerification {
  @ApiProperty() valid: boolean;
  @ApiProperty({ example: '7K3M-Q9TX-2HVB-8RWE' }) code: string;
  @ApiProperty({ example: '食品经营许可证' }) name: string;
  @ApiProperty() serviceItemCode: string;
  @ApiProperty({ example: '张*', description: "a person's name masked; an enterprise's whole (it is public)" }) holderName: string;
  @ApiProperty({ enum: ['person', 'enterprise'], description: 'enterprise when the applicant is one or acted for one' }) holderKind: 'person' | 'enterprise';
  @ApiProperty({ type: String, nullable: true, example: '220***********1231', description: 'masked' }) holderIdentifier: string | null;
  @ApiProperty() issuedAt: Date;
  @ApiProperty({ type: String, nullable: true }) validUntil: Date | null;
  @ApiProperty({ type: String, nullable: true, description: '撤销: when the licence was revoked' }) revokedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'why it was revoked' }) reason: string | null;
}

export class RevokeCertificateDto {
  @ApiProperty({ example: '经核查，申请人告知承诺内容与实际不符，依法撤销', maxLength: 1000 })
  @IsString() @MaxLength(1000) @Matches(/\S/, { message: 'reason must not be empty' })
  reason: string;
}
