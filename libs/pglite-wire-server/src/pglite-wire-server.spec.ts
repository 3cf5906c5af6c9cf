import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect as connectSocket, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteWireServer } from './index.js';

/** The embedded database's server: many `pg` connections sharing PGlite's one session safely. */
let db: PGlite;
let server: PGliteWireServer;
let url: string;
const cut: number[] = [];
const clients: pg.Client[] = [];

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  clients.push(client);
  return client;
}

function frame(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

/** A bare protocol client: lets a test send half an extended-protocol exchange and wait. */
function startupBytes(parameters = 'user\0postgres\0database\0postgres\0\0'): Buffer {
  const params = Buffer.from(parameters);
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + params.length);
  startup.writeInt32BE(196608, 4);
  return Buffer.concat([startup, params]);
}

const query = (sql: string) => frame('Q', Buffer.from(`${sql}\0`));

async function rawClient(
  first: Buffer = startupBytes(),
): Promise<{ socket: Socket; greeting: string; send(data: Buffer): void; until(type: string): Promise<string> }> {
  const address = new URL(url);
  const socket = connectSocket(Number(address.port), address.hostname);
  let received = Buffer.alloc(0);
  socket.on('data', (data: Buffer) => (received = Buffer.concat([received, data])));
  const until = async (type: string): Promise<string> => {
    for (let i = 0; i < 200; i++) {
      const types: string[] = [];
      for (let at = 0; at + 5 <= received.length; at += 1 + received.readInt32BE(at + 1)) types.push(String.fromCharCode(received[at]!));
      if (types.includes(type)) {
        received = Buffer.alloc(0);
        return types.join('');
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no ${type} message in ${received.toString("latin1").slice(0, 200)}`);
  };
  socket.write(first);
  const greeting = await until('Z');
  return { socket, greeting, send: (data) => socket.write(data), until };
}

beforeAll(async () => {
  db = await PGlite.create();
  server = new PGliteWireServer(db, { holdTimeoutMs: 300, onHoldTimeout: (id) => cut.push(id) });
  url = `postgres://postgres@${await server.start()}/postgres`;
  await db.exec('CREATE TABLE item (id int PRIMARY KEY, label text)');
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  await server?.stop();
  await db?.close();
});

describe('PGliteWireServer', () => {
  it('keeps concurrent extended-protocol queries of many connections apart, even when one of them fails', async () => {
    const connections = await Promise.all([0, 1, 2, 3, 4].map(() => connect()));
    let wrong = 0;
    let failed = 0;
    await Promise.all(
      connections.map(async (client, i) => {
        for (let n = 0; n < 60; n++) {
          if (i === 0 && n % 3 === 0) {
            // A parameter that cannot be cast: an error in the middle of Parse/Bind/Execute/Sync.
            await expect(client.query('SELECT $1::int AS v', ['not a number'])).rejects.toThrow(/invalid input syntax/);
            failed++;
            continue;
          }
          const { rows } = await client.query(`SELECT $1::int + ${i * 1000} AS v, $2::text AS who`, [n, `c${i}`]);
          if (rows[0].v !== n + i * 1000 || rows[0].who !== `c${i}`) wrong++;
        }
      }),
    );
    expect(failed).toBe(20);
    expect(wrong).toBe(0);
  });

  it("serves no other connection in the middle of one connection's extended-protocol exchange, even one that failed", async () => {
    const [raw, other] = await Promise.all([rawClient(), connect()]);
    // Parse fails at once; PostgreSQL then skips everything until this client's Sync.
    raw.send(frame('P', Buffer.from('\0SELECT * FROM no_such_table\0\0\0')));
    await raw.until('E');
    const answer = other.query('SELECT 41 + 1 AS n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    raw.send(frame('S', Buffer.alloc(0)));
    expect(await raw.until('Z')).toBe('Z');
    expect((await answer).rows[0].n).toBe(42);
    raw.socket.destroy();
  });

  it('lends the session to one transaction at a time: the others wait for its commit and see it whole', async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    await a.query('BEGIN');
    await a.query('INSERT INTO item VALUES (1, $1)', ['first']);
    const seen = b.query('SELECT count(*)::int AS n FROM item WHERE id IN (1, 2)');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await a.query('INSERT INTO item VALUES (2, $1)', ['second']);
    await a.query('COMMIT');
    expect((await seen).rows[0].n).toBe(2);
  });

  it('rolls back the transaction of a connection that goes away, and serves the others', async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    await a.query('BEGIN');
    await a.query('INSERT INTO item VALUES (10, $1)', ['never committed']);
    const waiting = b.query('SELECT count(*)::int AS n FROM item WHERE id = 10');
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect((await waiting).rows[0].n).toBe(0);
  });

  it('cuts a connection that keeps a transaction open without a word while others wait', async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    await a.query('BEGIN');
    await a.query('INSERT INTO item VALUES (20, $1)', ['abandoned']);
    const before = cut.length;
    expect((await b.query('SELECT count(*)::int AS n FROM item WHERE id = 20')).rows[0].n).toBe(0);
    expect(cut.length).toBe(before + 1);
    await expect(a.query('SELECT 1')).rejects.toThrow();
  });

  it('delivers NOTIFY to the connections that LISTEN, whichever connection sent it', async () => {
    const [listener, sender] = await Promise.all([connect(), connect()]);
    await listener.query('LISTEN job_added');
    const received = new Promise<pg.Notification>((resolve) => listener.once('notification', resolve));
    await sender.query(`SELECT pg_notify('job_added', $1)`, ['queue-a']);
    const notification = await received;
    expect(notification).toMatchObject({ channel: 'job_added', payload: 'queue-a' });
  });

  it('answers an SSL request with "no" and then serves the connection in plain text', async () => {
    const client = new pg.Client({ connectionString: url, ssl: false });
    await client.connect();
    clients.push(client);
    expect((await client.query('SELECT 41 + 1 AS n')).rows[0].n).toBe(42);
  });

  it('cuts a connection that sends a message type no client sends, and keeps serving the others', async () => {
    const [raw, other] = await Promise.all([rawClient(), connect()]);
    const closed = new Promise<void>((resolve) => raw.socket.once('close', () => resolve()));
    raw.send(frame('x', Buffer.alloc(0)));
    await closed;
    expect((await other.query('SELECT $1::int AS n', [7])).rows[0].n).toBe(7);
  });

  it("gives PGlite its own start-up packet, so a client's start-up options never reach the shared session", async () => {
    const raw = await rawClient(startupBytes('user\0postgres\0database\0postgres\0replication\0database\0\0'));
    const other = await connect();
    expect((await other.query('SELECT $1::text AS who', ['after a replication start-up'])).rows[0].who).toBe('after a replication start-up');
    raw.socket.destroy();
  });

  it('answers a query sent in the same chunk as the start-up packet', async () => {
    const raw = await rawClient(Buffer.concat([startupBytes(), query('SELECT 1')]));
    // The start-up's answer and the query's may arrive together or one after the other.
    const answers = raw.greeting.split('Z').length > 2 ? raw.greeting : raw.greeting + (await raw.until('Z'));
    expect(answers).toMatch(/^R.*Z.*D.*C.*Z$/);
    raw.socket.destroy();
  });

  it('runs a COMMIT sent in the same chunk as Terminate', async () => {
    const raw = await rawClient();
    raw.send(query('BEGIN'));
    await raw.until('Z');
    raw.send(query("INSERT INTO item VALUES (30, 'committed at the door')"));
    await raw.until('Z');
    const closed = new Promise<void>((resolve) => raw.socket.once('close', () => resolve()));
    raw.send(Buffer.concat([query('COMMIT'), frame('X', Buffer.alloc(0))]));
    await closed;
    const reader = await connect();
    expect((await reader.query('SELECT label FROM item WHERE id = 30')).rows).toEqual([{ label: 'committed at the door' }]);
  });

  it('does not commit the half-sent exchange of a connection that goes away before its Sync', async () => {
    const raw = await rawClient();
    const insert = Buffer.concat([
      frame('P', Buffer.from("\0INSERT INTO item VALUES (40, 'never synced')\0\0\0")),
      frame('B', Buffer.from('\0\0\0\0\0\0\0\0')),
      frame('E', Buffer.from('\0\0\0\0\0')),
    ]);
    const reader = await connect();
    raw.send(insert);
    await new Promise((resolve) => setTimeout(resolve, 50));
    raw.socket.destroy();
    expect((await reader.query('SELECT count(*)::int AS n FROM item WHERE id = 40')).rows[0].n).toBe(0);
  });
});

describe('the library', () => {
  it('depends on Node and PGlite only', () => {
    const dir = dirname(fileURLToPath(import.meta.url));
    const imported = readdirSync(dir)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
      .flatMap((name) => [...readFileSync(join(dir, name), 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]));
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((specifier) => !/^(node:|@electric-sql\/pglite$|\.\/)/.test(specifier))).toEqual([]);
  });
});
