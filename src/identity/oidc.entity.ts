import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A sign-in through the identity provider in flight: what the callback needs to check and finish it. */
@Entity({ name: 'oidc_login' })
export class OidcLogin {
  /** The `state` sent to the provider: the callback finds its row by it. */
  @PrimaryColumn({ type: 'text' })
  state: string;

  /** PKCE: the verifier whose challenge went to the provider. */
  @Column({ type: 'text' })
  codeVerifier: string;

  @Column({ type: 'text' })
  nonce: string;

  @Column({ type: 'text' })
  redirectUri: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}

/** An account of the province's identity provider (issuer + subject) linked to one of ours. */
@Entity({ name: 'identity_link' })
@Index('identity_link_user_idx', ['userId'])
export class IdentityLink {
  @PrimaryColumn({ type: 'text' })
  issuer: string;

  @PrimaryColumn({ type: 'text' })
  subject: string;

  @Column({ type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
