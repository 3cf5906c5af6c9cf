import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One rate-limit window of one caller on one route, counted by every API process (single-server mode).
 * The table is UNLOGGED (see its migration): counters need no crash safety, and every request writes one.
 */
@Entity({ name: 'rate_limit_bucket' })
export class RateLimitBucket {
  /** The throttler's hash of route, throttler name and caller. */
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
