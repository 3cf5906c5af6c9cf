import { ApiProperty } from '@nestjs/swagger';

export class CertificateVerification {
  @ApiProperty() valid: boolean;
  @ApiProperty({ example: '7K3M-Q9TX-2HVB-8RWE' }) code: string;
  @ApiProperty({ example: '食品经营许可证' }) name: string;
  @ApiProperty() serviceItemCode: string;
  @ApiProperty({ example: '张*', description: 'masked' }) holderName: string;
  @ApiProperty({ type: String, nullable: true, example: '220***********1231', description: 'masked' }) holderIdentifier: string | null;
  @ApiProperty() issuedAt: Date;
  @ApiProperty({ type: String, nullable: true }) validUntil: Date | null;
}
