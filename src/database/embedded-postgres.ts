import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Logger } from '@nestjs/common';
import { PGliteWireServer } from '@app/pglite-wire-server';

export interface EmbeddedPostgres {
  /** A postgres:// URL on loopback: the app, the migrations and the queue use the ordinary `pg` driver. */
  url: string;
  stop(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** PGlite keeps its files for one process only; a second process on the same folder would corrupt it. */
function takeLock(dir: string): () => void {
  const lockFile = join(dir, 'pglite.pid');
  try {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(`The embedded database in ${dir} is in use by process ${holder}; run one process per DATA_DIR, or set DATABASE_URL.`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

/**
 * Starts PGlite persisted under `dataDir` and serves it on a loopback port.
 *
 * PGlite is one database session multiplexed over every connection (STACK.md): transactions are
 * serialised, and a connection's start-up `search_path` is ignored. BullMQ's PostgreSQL backend keeps
 * its functions in the `bullmq` schema, so the database's search path is set to find them after
 * `public` (our tables are created in `public`, never in `bullmq`).
 */
export async function startEmbeddedPostgres(dataDir: string, options: { port?: number } = {}): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const releaseLock = takeLock(resolve(dataDir));
  const db = await PGlite.create(dir);
  await db.exec(`
    ALTER DATABASE postgres SET search_path = public, bullmq;
    SET search_path = public, bullmq;
    SET TIME ZONE 'UTC';
  `);
  const server = new PGliteWireServer(db, {
    host: '127.0.0.1',
    port: options.port ?? 0,
    onHoldTimeout: (id) =>
      new Logger('EmbeddedPostgres').warn(`connection ${id} kept a transaction open without a word while others waited; it was cut and rolled back`),
  });
  const address = await server.start();
  return {
    url: `postgres://postgres@${address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}
