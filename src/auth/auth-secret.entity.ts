import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Secrets the system generated for itself and shares between its processes: today the key that signs
 * access tokens when JWT_SECRET is not set. Owned by the auth module.
 */
@Entity({ name: 'auth_secret' })
export class AuthSecret {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  value: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
