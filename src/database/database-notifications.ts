import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';

export interface NotificationHandler {
  /** A NOTIFY on the channel, with its payload. */
  notified(payload: string): void;
  /** The listening connection was lost, so notifications may have been missed: assume anything changed. */
  missed(): void;
}

const RECONNECT_MS = 1_000;

/**
 * PostgreSQL LISTEN for the whole process, on one dedicated connection opened by the first subscriber
 * (in embedded mode the wire server relays NOTIFY to it like any other client). A NOTIFY sent inside a
 * transaction arrives when it commits, so a subscriber never hears of a change it cannot read yet.
 * The connection is reopened after a loss; subscribers hear `missed()` at the loss and again once it
 * listens, for what happened in between.
 */
export class DatabaseNotifications implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseNotifications.name);
  private readonly handlers = new Map<string, NotificationHandler[]>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly databaseUrl: string) {}

  /** Subscribes to `channel`; resolves once the process listens (or, when the database is away, keeps trying in the background). */
  async listen(channel: string, handler: NotificationHandler): Promise<void> {
    const known = this.handlers.get(channel);
    this.handlers.set(channel, [...(known ?? []), handler]);
    if (this.client && !known) await this.client.query(`LISTEN ${this.client.escapeIdentifier(channel)}`);
    else if (!this.client) await (this.connecting ??= this.connect());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'ywtb-listen' });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler.notified(message.payload ?? '');
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      this.tellMissed();
    } catch (error) {
      this.logger.warn(`cannot listen for database notifications (${(error as Error).message}); retrying`);
      await client.end().catch(() => undefined);
      this.reconnectLater();
    } finally {
      this.connecting = null;
    }
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.tellMissed();
    if (this.stopped) return;
    this.logger.warn('lost the connection that listens for database notifications; reconnecting');
    client.end().catch(() => undefined);
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.connecting ??= this.connect();
    }, RECONNECT_MS);
    this.retry.unref();
  }

  private tellMissed(): void {
    for (const handlers of this.handlers.values()) for (const handler of handlers) handler.missed();
  }
}
