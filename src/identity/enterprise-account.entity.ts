import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An enterprise's account (an app_user of kind enterprise that nobody signs in as) bound to its
 * 统一社会信用代码. People act for it as agents: its legal representative, and the 经办人 they authorise.
 */
@Entity({ name: 'enterprise_account' })
export class EnterpriseAccount {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Index('enterprise_account_uscc_key', { unique: true })
  @Column({ type: 'text' })
  uscc: string;

  @Column({ type: 'text' })
  name: string;

  /** The citizen account of the legal representative (法定代表人). */
  @Column({ type: 'uuid' })
  legalRepresentativeId: string;

  /** The USCC and name were found in the legal-entity registry. */
  @Column({ type: 'boolean', default: false })
  registryVerified: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
