import type { Grant } from '@app/quota-lease';
import type { DataSource } from 'typeorm';
import type { SharedCounter } from './shared-counter.js';

/**
 * One UPSERT per reservation of up to $5 hits: a new or ended window starts with them (one, refused, if
 * the limit is 0), a live one grows by them up to the limit $3; a window at its limit counts the refused
 * hit, the first of them stretching the window to the block.
 */
const RESERVE = `
  INSERT INTO rate_limit_bucket AS b (key, hits, expires_at)
  VALUES ($1, CASE WHEN $3::integer > 0 THEN least($5::integer, $3::integer) ELSE 1 END, now() + $2::double precision * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE
      WHEN b.expires_at <= now() THEN excluded.hits
      WHEN b.hits < $3::integer THEN least(b.hits + $5::integer, $3::integer)
      ELSE b.hits + 1
    END,
    expires_at = CASE
      WHEN b.expires_at <= now() THEN excluded.expires_at
      WHEN b.hits = $3::integer THEN greatest(b.expires_at, now() + $4::double precision * interval '1 millisecond')
      ELSE b.expires_at
    END
  RETURNING hits, extract(epoch FROM expires_at - now()) * 1000 AS ms_left`;

const SWEEP_MS = 60_000;

/**
 * How many hits a reservation got, from the window's hits after it (RETURNING sees no old row): all it
 * asked for below the limit, none past it. At the limit the reservation may have been cut short, so it
 * counts as one: hits it did get are then left unspent, never spent twice.
 */
export function grantedOf(hits: number, limit: number, want: number): number {
  if (hits > limit) return 0;
  return hits < limit ? want : Math.min(want, 1);
}

/** Rate-limit counters in PostgreSQL (single-server mode), so every API process spends one budget. */
export class PostgresWindowStorage implements SharedCounter {
  private readonly sweep: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {
    // Ended windows are dead weight; any process may clear them.
    this.sweep = setInterval(() => {
      this.dataSource.query('DELETE FROM rate_limit_bucket WHERE expires_at < now()').catch(() => undefined);
    }, SWEEP_MS);
    this.sweep.unref();
  }

  async reserve(key: string, ttl: number, limit: number, blockDuration: number, want: number): Promise<Grant> {
    const [row] = (await this.dataSource.query(RESERVE, [key, ttl, limit, blockDuration, want])) as { hits: number; ms_left: string }[];
    return { granted: grantedOf(row!.hits, limit, want), hits: row!.hits, msLeft: Number(row!.ms_left) };
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweep);
  }
}
