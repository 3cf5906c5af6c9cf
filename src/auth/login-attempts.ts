import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { tooManyRequests } from '../http/problem.js';
import { LOGIN_BACKOFF, lockSecondsAfter } from './login-backoff.js';

const hashOf = (username: string) => createHash('sha256').update(username, 'utf8').digest('hex');

/** Rows of usernames nobody tried for a day are forgotten by this sweep (an attacker may try many). */
const SWEEP_MS = 3_600_000;

/**
 * The per-account back-off of sign-ins, counted in PostgreSQL so every API process sees the same count.
 * An attempt counts as a failure from the moment it is admitted, under the row's lock, so concurrent
 * guesses cannot slip past a lock that one of them is about to set; a success deletes the row. Unknown
 * usernames are counted like known ones, so the answers reveal nothing about which accounts exist.
 */
@Injectable()
export class LoginAttempts implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LoginAttempts.name);
  private sweep: NodeJS.Timeout | undefined;

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.sweep = setInterval(() => {
      this.forgetIdle().catch((error: unknown) => this.logger.warn(`sweeping sign-in attempts failed: ${(error as Error).message}`));
    }, SWEEP_MS);
    this.sweep.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweep);
  }

  /** Admits one attempt for `username`, counted as failed until `succeeded`; a 429 while the username is locked. */
  async admit(username: string): Promise<void> {
    const key = hashOf(username);
    const lockedForSeconds = await this.dataSource.transaction(async (manager) => {
      const counted = (await manager.query(
        `INSERT INTO login_attempt AS a (username_hash, failures, last_failure_at) VALUES ($1, 1, now())
         ON CONFLICT (username_hash) DO UPDATE
           SET failures = CASE WHEN a.last_failure_at < now() - make_interval(secs => $2) THEN 1 ELSE a.failures + 1 END,
               last_failure_at = now(), locked_until = NULL
           WHERE a.locked_until IS NULL OR a.locked_until <= now()
         RETURNING failures`,
        [key, LOGIN_BACKOFF.forgetAfterSeconds],
      )) as { failures: number }[];
      if (counted.length === 0) {
        const [lock] = (await manager.query(
          'SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds FROM login_attempt WHERE username_hash = $1',
          [key],
        )) as { seconds: number }[];
        return Math.max(1, lock?.seconds ?? 1);
      }
      const lockSeconds = lockSecondsAfter(counted[0]!.failures);
      if (lockSeconds > 0) {
        await manager.query('UPDATE login_attempt SET locked_until = now() + make_interval(secs => $2) WHERE username_hash = $1', [key, lockSeconds]);
      }
      return 0;
    });
    if (lockedForSeconds > 0) {
      throw tooManyRequests('auth.too_many_attempts', 'Too many failed sign-ins for this username; wait before trying again.', lockedForSeconds);
    }
  }

  async succeeded(username: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_attempt WHERE username_hash = $1', [hashOf(username)]);
  }

  private async forgetIdle(): Promise<void> {
    await this.dataSource.query('DELETE FROM login_attempt WHERE last_failure_at < now() - make_interval(secs => $1)', [LOGIN_BACKOFF.forgetAfterSeconds]);
  }
}
