import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

const SWEEP_MS = 3_600_000;

/**
 * Forgets what can no longer be used: SMS codes a day old (the send limits look back an hour), sign-ins at
 * the provider never finished, refresh tokens past their expiry, and sessions ended or idle beyond the
 * refresh lifetime. Every API process sweeps; the deletes are idempotent.
 */
@Injectable()
export class IdentitySweep implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(IdentitySweep.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.role === 'worker') return;
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.warn(`sweeping identity rows failed: ${(error as Error).message}`));
    }, SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    const ttl = this.config.auth.refreshTtlSeconds;
    await this.dataSource.query("DELETE FROM sms_code WHERE created_at < now() - interval '1 day'");
    await this.dataSource.query('DELETE FROM oidc_login WHERE expires_at < now()');
    await this.dataSource.query("DELETE FROM refresh_token WHERE expires_at < now() - interval '1 day'");
    await this.dataSource.query(
      `DELETE FROM auth_session s WHERE s.created_at < now() - make_interval(secs => $1)
         AND NOT EXISTS (SELECT 1 FROM refresh_token r WHERE r.session_id = s.id)`,
      [ttl],
    );
  }
}
