import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Serves one PGlite database to ordinary PostgreSQL clients (`pg`, TypeORM, BullMQ) over TCP.
 *
 * PGlite is a single database session, while a server has many connections. Everything a session
 * remembers between two messages belongs to whichever connection is talking to it: an open
 * transaction, an extended-protocol exchange (Parse … Sync, with its unnamed statement and portal
 * and the "skip to Sync after an error" state), a COPY. So the session is lent to one connection at a
 * time and taken back only when PGlite answers ReadyForQuery with the status `I` (idle, outside any
 * transaction). Until then the other connections' messages wait in arrival order.
 *
 * (pglite-socket 0.2.17 lends the session per message and only keeps it across an explicit
 * transaction: the messages of two connections' extended-protocol exchanges interleave, and one
 * connection's error made PGlite drop the next connections' queries until a Sync, leaving their
 * clients waiting for an answer that never came.)
 *
 * Notifications (LISTEN/NOTIFY) reach the session, which answers them on whatever connection runs at
 * that moment; they are copied to every connection that has listened, so BullMQ's blocking wait wakes.
 *
 * A connection that keeps the session while idle (a transaction left open, waiting on something
 * else) would stop the whole database: after `holdTimeoutMs` without a message from it while others
 * wait, it is disconnected and its transaction rolled back, as PostgreSQL's
 * `idle_in_transaction_session_timeout` would.
 */
export interface WireServerOptions {
  host?: string;
  port?: number;
  holdTimeoutMs?: number;
  /** Called when a connection is cut for holding the session idle. */
  onHoldTimeout?: (connectionId: number) => void;
}

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const PROTOCOL_3 = 196608;
const SYNC = Uint8Array.of(0x53, 0, 0, 0, 4);
const ROLLBACK = queryMessage('ROLLBACK');
/** No client message is this large; a larger length means a broken or hostile stream. */
const MAX_MESSAGE_BYTES = 1 << 30;
/**
 * What a client may send after start-up: Query, Parse, Bind, Describe, Execute, Sync, Flush, Close,
 * FunctionCall, CopyData/Done/Fail, Terminate. PGlite, given any other type byte, loses protocol
 * synchronisation and loops for ever inside a synchronous call, which would stop the whole process.
 */
const FRONTEND_TYPES = new Set('QPBDESHCFdcfX'.split('').map((c) => c.charCodeAt(0)));
/**
 * The one start-up packet PGlite is given, whatever the client sent: its own options (a replication
 * start-up would turn the shared session into a walsender for everyone) are not the session's.
 */
const STARTUP = startupPacket({ user: 'postgres', database: 'postgres' });
/** Executing a portal that does not exist: aborts the implicit transaction of a half-sent exchange. */
const ABORT_EXCHANGE = Buffer.concat([Buffer.from('E'), int32(4 + 'pglite-wire-abort'.length + 1 + 4), Buffer.from('pglite-wire-abort\0'), int32(0)]);
/** CopyFail: ends a COPY FROM STDIN the client left; ignored by PostgreSQL outside COPY. */
const COPY_FAIL = Buffer.concat([Buffer.from('f'), int32(4 + 'connection closed'.length + 1), Buffer.from('connection closed\0')]);

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}

function startupPacket(parameters: Record<string, string>): Buffer {
  const body = Buffer.from(`${Object.entries(parameters).map(([key, value]) => `${key}\0${value}\0`).join('')}\0`, 'utf8');
  return Buffer.concat([int32(8 + body.length), int32(PROTOCOL_3), body]);
}

function queryMessage(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0, 'latin1');
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

/**
 * Splits an incoming byte stream into whole frontend messages. Those of the start-up phase (SSL or GSS
 * request, the start-up packet, a cancel request) have no type byte; the phase ends with the start-up
 * packet, whatever follows it in the same chunk. Chunks are joined once a message is complete, not on
 * every arrival, so a large Bind costs one copy.
 */
class MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  started = false;

  /** Throws on a length no PostgreSQL client would send. */
  push(data: Buffer): Buffer[] {
    this.chunks.push(data);
    this.buffered += data.length;
    const messages: Buffer[] = [];
    for (;;) {
      const typed = this.started;
      const headerLength = typed ? 5 : 8;
      if (this.buffered < headerLength) break;
      const head = this.peek(headerLength);
      const declared = typed ? head.readInt32BE(1) : head.readInt32BE(0);
      if (declared < 4 || (!typed && declared < 8) || declared > MAX_MESSAGE_BYTES) throw new Error(`malformed message length ${declared}`);
      const length = typed ? 1 + declared : declared;
      if (this.buffered < length) break;
      const message = this.take(length);
      if (!typed && message.readInt32BE(4) === PROTOCOL_3) this.started = true;
      messages.push(message);
    }
    return messages;
  }

  private peek(bytes: number): Buffer {
    if (this.chunks[0]!.length < bytes) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!;
  }

  private take(bytes: number): Buffer {
    if (this.chunks[0]!.length < bytes) this.chunks = [Buffer.concat(this.chunks)];
    const first = this.chunks[0]!;
    const message = first.subarray(0, bytes);
    if (first.length === bytes) this.chunks.shift();
    else this.chunks[0] = first.subarray(bytes);
    this.buffered -= bytes;
    return message;
  }
}

/** Picks NotificationResponse (`A`) messages out of a backend byte stream that may split messages anywhere. */
class NotificationScanner {
  private header: Buffer = Buffer.alloc(0);
  private remaining = 0;
  private current: Buffer[] | null = null;

  scan(chunk: Uint8Array, found: (message: Buffer) => void): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - offset);
        this.current?.push(Buffer.from(chunk.subarray(offset, offset + take)));
        this.remaining -= take;
        offset += take;
        if (this.remaining === 0 && this.current) {
          found(Buffer.concat(this.current));
          this.current = null;
        }
        continue;
      }
      const need = 5 - this.header.length;
      const take = Math.min(need, chunk.length - offset);
      this.header = Buffer.concat([this.header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (this.header.length < 5) break;
      this.remaining = this.header.readInt32BE(1) - 4;
      this.current = this.header[0] === 0x41 ? [this.header] : null;
      this.header = Buffer.alloc(0);
      if (this.remaining === 0 && this.current) {
        found(Buffer.concat(this.current));
        this.current = null;
      }
    }
  }
}

class Connection {
  readonly reader = new MessageReader();
  readonly pending: Buffer[] = [];
  listens = false;
  closed = false;
  /** Sent Terminate: its earlier messages still run, then the socket is ended. */
  ending = false;
  /** When it last sent a message or got an answer: how long it has kept the session without a word. */
  lastActiveAt = Date.now();

  constructor(
    readonly id: number,
    readonly socket: Socket,
  ) {}

  send(data: Uint8Array): void {
    if (!this.closed && this.socket.writable) this.socket.write(data);
  }
}

export class PGliteWireServer {
  private readonly connections = new Set<Connection>();
  /** Connections with messages waiting, in the order they asked. */
  private readonly waiting: Connection[] = [];
  private holder: Connection | null = null;
  private running = false;
  private server: Server | null = null;
  private nextId = 1;
  private holdTimer: NodeJS.Timeout | undefined;
  private readonly holdTimeoutMs: number;

  constructor(
    private readonly db: PGlite,
    private readonly options: WireServerOptions = {},
  ) {
    this.holdTimeoutMs = options.holdTimeoutMs ?? 30_000;
  }

  async start(): Promise<string> {
    await this.db.waitReady;
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
    });
    const address = server.address() as { address: string; port: number };
    return `${address.address}:${address.port}`;
  }

  async stop(): Promise<void> {
    clearInterval(this.holdTimer);
    for (const connection of this.connections) connection.socket.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    // Let a running exchange finish and a dropped holder's rollback run before the database closes.
    const deadline = Date.now() + 5_000;
    while ((this.running || this.holder) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    const connection = new Connection(this.nextId++, socket);
    this.connections.add(connection);
    socket.on('data', (data: Buffer) => this.receive(connection, data));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.disconnect(connection));
  }

  private receive(connection: Connection, data: Buffer): void {
    if (connection.ending) return;
    connection.lastActiveAt = Date.now();
    const wasStarted = connection.reader.started;
    let messages: Buffer[];
    try {
      messages = connection.reader.push(data);
    } catch {
      connection.socket.destroy();
      return;
    }
    let started = wasStarted;
    for (const message of messages) {
      if (!started) {
        const code = message.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSS_REQUEST) {
          connection.send(Buffer.from('N'));
          continue;
        }
        if (code !== PROTOCOL_3) {
          // A CancelRequest (PGlite has no second backend to signal) or a protocol version we do not speak.
          connection.socket.destroy();
          return;
        }
        started = true;
        connection.pending.push(STARTUP);
        continue;
      }
      if (!FRONTEND_TYPES.has(message[0]!)) {
        connection.socket.destroy();
        return;
      }
      if (message[0] === 0x58) {
        // Terminate: what came before it still runs; nothing after it is read.
        connection.ending = true;
        break;
      }
      if (!connection.listens && (message[0] === 0x51 || message[0] === 0x50) && /\blisten\b/i.test(message.toString('utf8', 5))) {
        connection.listens = true;
      }
      connection.pending.push(message);
    }
    if (connection.pending.length > 0 && !this.waiting.includes(connection)) this.waiting.push(connection);
    if (connection.ending && connection.pending.length === 0) connection.socket.end();
    this.pump();
  }

  /**
   * The socket closed. Messages it sent before closing still run, as PostgreSQL would run what it had
   * read (their answers go nowhere); then a transaction it left open is rolled back.
   */
  private disconnect(connection: Connection): void {
    if (connection.closed) return;
    connection.closed = true;
    this.connections.delete(connection);
    this.pump();
  }

  /** Runs waiting messages, one connection's batch at a time, until nothing can run. */
  private pump(): void {
    if (this.running) return;
    this.running = true;
    // drain() returns only when nothing can run; new messages arrive as macrotasks and call pump() again.
    void this.drain()
      .catch(() => this.holder?.socket.destroy())
      .finally(() => {
        this.running = false;
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const holder = this.holder;
      if (holder?.closed && holder.pending.length === 0) {
        try {
          await this.release();
        } finally {
          this.holder = null;
        }
        continue;
      }
      const next = holder ?? this.waiting[0];
      if (!next || next.pending.length === 0) {
        this.watchHolder();
        return;
      }
      const at = this.waiting.indexOf(next);
      if (at >= 0) this.waiting.splice(at, 1);
      // PGlite answers a start-up packet alone and ignores what follows it in the same call.
      const batch = next.pending.splice(0, next.pending[0] === STARTUP ? 1 : next.pending.length);
      let idle = false;
      try {
        idle = await this.exchange(next, batch.length === 1 ? batch[0]! : Buffer.concat(batch));
      } catch {
        // PGlite failed outside the protocol: this client cannot get a coherent answer any more.
        next.pending.length = 0;
        next.socket.destroy();
        this.disconnect(next);
      }
      next.lastActiveAt = Date.now();
      this.holder = idle ? null : next;
      if (idle && next.pending.length > 0 && !this.waiting.includes(next)) this.waiting.unshift(next);
      if (next.ending && next.pending.length === 0) next.socket.end();
    }
  }

  /** Sends one connection's messages to PGlite; answers whether the session is idle afterwards. */
  private async exchange(connection: Connection, messages: Uint8Array): Promise<boolean> {
    const tail = Buffer.alloc(6);
    let tailLength = 0;
    const scanner = new NotificationScanner();
    const notifications: Buffer[] = [];
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(messages, {
        onRawData: (chunk: Uint8Array) => {
          connection.send(Buffer.from(chunk));
          scanner.scan(chunk, (message) => notifications.push(message));
          // Keep the last six bytes: a trailing ReadyForQuery is `Z`, length 5, status.
          const combined = Buffer.concat([tail.subarray(0, tailLength), chunk]).subarray(-6);
          combined.copy(tail);
          tailLength = combined.length;
        },
      }),
    );
    for (const message of notifications) {
      for (const other of this.connections) if (other !== connection && other.listens) other.send(message);
    }
    return tailLength === 6 && tail[0] === 0x5a && tail.readInt32BE(1) === 5 && tail[5] === 0x49;
  }

  /** A holder that went away: end its exchange and roll back its transaction, then lend the session on. */
  private async release(): Promise<void> {
    await this.db.runExclusive(async () => {
      // End a COPY, abort a half-sent exchange's implicit transaction (an injected Sync alone would commit
      // it), close the exchange; an explicit transaction is then in error and rolled back.
      await this.db.execProtocolRawStream(Buffer.concat([COPY_FAIL, ABORT_EXCHANGE, SYNC]), { onRawData: () => undefined });
      if (this.db.isInTransaction()) await this.db.execProtocolRawStream(ROLLBACK, { onRawData: () => undefined });
    });
  }

  /** While a holder keeps the session without a word and others wait, cut it after `holdTimeoutMs`. */
  private watchHolder(): void {
    clearInterval(this.holdTimer);
    this.holdTimer = undefined;
    if (!this.holder || this.waiting.length === 0) return;
    const holder = this.holder;
    this.holdTimer = setInterval(() => {
      if (this.holder !== holder || this.waiting.length === 0) {
        clearInterval(this.holdTimer);
        return;
      }
      if (Date.now() - holder.lastActiveAt >= this.holdTimeoutMs) {
        clearInterval(this.holdTimer);
        this.options.onHoldTimeout?.(holder.id);
        holder.socket.destroy();
      }
    }, Math.min(1_000, this.holdTimeoutMs));
    this.holdTimer.unref();
  }
}
