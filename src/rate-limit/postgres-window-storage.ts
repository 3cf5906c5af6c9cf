import type { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import { windowRecord, type ThrottlerStorageRecord } from './window-record.js';

/** One UPSERT per hit: a new or ended window starts at 1, the first hit past the limit stretches it to the block. */
const HIT = `
  INSERT INTO rate_limit_bucket AS b (key, hits, expires_at)
  VALUES ($1, 1, now() + $2::double precision * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN b.expires_at <= now() THEN 1 ELSE b.hits + 1 END,
    expires_at = CASE
      WHEN b.expires_at <= now() THEN excluded.expires_at
      WHEN b.hits = $3::integer THEN greatest(b.expires_at, now() + $4::double precision * interval '1 millisecond')
      ELSE b.expires_at
    END
  RETURNING hits, extract(epoch FROM expires_at - now()) * 1000 AS ms_left`;

const SWEEP_MS = 60_000;

/** Rate-limit counters in PostgreSQL (single-server mode), so every API process spends one budget. */
export class PostgresWindowStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly sweep: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {
    // Ended windows are dead weight; any process may clear them.
    this.sweep = setInterval(() => {
      this.dataSource.query('DELETE FROM rate_limit_bucket WHERE expires_at < now()').catch(() => undefined);
    }, SWEEP_MS);
    this.sweep.unref();
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    const [row] = (await this.dataSource.query(HIT, [key, ttl, limit, blockDuration])) as { hits: number; ms_left: string }[];
    return windowRecord(row!.hits, Number(row!.ms_left), limit);
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweep);
  }
}
