import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DatabaseNotifications } from '../database/database-notifications.js';
import { User } from './user.entity.js';

/** What every request needs to know about its caller's account (and no more: no ID number, no facts). */
export type SessionAccount = Pick<User, 'id' | 'username' | 'roles' | 'departmentCode' | 'displayName' | 'disabled' | 'sessionVersion'>;

const SESSION_COLUMNS = { id: true, username: true, roles: true, departmentCode: true, displayName: true, disabled: true, sessionVersion: true } as const;

/** Channel of `pg_notify(ACCOUNT_CHANGED, userId)`, sent in the transaction that changes an account. */
export const ACCOUNT_CHANGED = 'ywtb_account_changed';

/**
 * How long a process trusts what it read about an account without hearing of a change. Changes are
 * announced to every process at commit, so this only bounds staleness while a process's listening
 * connection is down.
 */
const ACCOUNT_CACHE_MS = 5_000;
/** Far above the accounts active within ACCOUNT_CACHE_MS; beyond it the cache starts again. */
const MAX_CACHED_ACCOUNTS = 10_000;

/**
 * The accounts behind access tokens, read once per few seconds per process instead of once per request,
 * and forgotten as soon as any process changes them.
 */
@Injectable()
export class UserSessions implements OnApplicationBootstrap {
  private readonly cache = new Map<string, { account: SessionAccount | null; until: number }>();
  /** Raised by every forget: a read that began before it must not be cached, it may predate the change. */
  private generation = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: DatabaseNotifications,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Only processes that serve HTTP check sessions, so only they listen. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.role === 'worker') return;
    await this.notifications.listen(ACCOUNT_CHANGED, { notified: (userId) => this.forget(userId), missed: () => this.forgetAll() });
  }

  async account(userId: string): Promise<SessionAccount | null> {
    const cached = this.cache.get(userId);
    if (cached && cached.until > performance.now()) return cached.account;
    const generation = this.generation;
    const account: SessionAccount | null = await this.dataSource.getRepository(User).findOne({ where: { id: userId }, select: SESSION_COLUMNS });
    if (generation === this.generation) {
      if (this.cache.size >= MAX_CACHED_ACCOUNTS) this.cache.clear();
      this.cache.set(userId, { account, until: performance.now() + ACCOUNT_CACHE_MS });
    }
    return account;
  }

  /** This process's copy of the account is stale (other processes hear of it through ACCOUNT_CHANGED). */
  forget(userId: string): void {
    this.generation++;
    this.cache.delete(userId);
  }

  private forgetAll(): void {
    this.generation++;
    this.cache.clear();
  }
}
