import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 代办授权: the principal lets the agent apply on their behalf, for every item or the ones listed, until
 * `validUntil`. Revoking or expiry stops new applications; cases already made go on.
 */
@Entity({ name: 'agent_authorisation' })
@Index('agent_authorisation_principal_idx', ['principalId', 'createdAt'])
@Index('agent_authorisation_agent_idx', ['agentId', 'principalId'])
export class AgentAuthorisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  principalId: string;

  @Column({ type: 'uuid' })
  agentId: string;

  /** null: every item. */
  @Column({ type: 'text', array: true, nullable: true })
  serviceItemCodes: string[] | null;

  /** The end of the day (China time) it was granted until. */
  @Column({ type: 'timestamptz' })
  validUntil: Date;

  /** `agent` (a citizen's 代办人), `legal_representative` or `handler` (经办人) of an enterprise. */
  @Column({ type: 'text', default: 'agent' })
  kind: string;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
