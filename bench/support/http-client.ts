import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

export interface Reply<T> {
  status: number;
  body: T;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Read the answer and throw it away (load generation: no JSON parsing on the client). */
  discard?: boolean;
  /** Aborts the request wherever it is, queued for a connection included. */
  signal?: AbortSignal;
}

/**
 * A lean HTTP/1.1 client with keep-alive connections (node:http, no fetch): the bench runs on the same
 * two cores as the server, so the client must cost little.
 */
export class HttpClient {
  private readonly agent: Agent;

  constructor(
    readonly baseUrl: string,
    maxSockets = 64,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  /**
   * One request. A keep-alive connection the server closed just as it was reused fails with ECONNRESET
   * before the server read anything (Node's documented race): that request is sent once more.
   */
  async send<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
    try {
      return await this.sendOnce<T>(method, path, options);
    } catch (error) {
      if (!(error as { reusedSocket?: boolean }).reusedSocket || (error as NodeJS.ErrnoException).code !== 'ECONNRESET' || options.signal?.aborted) throw error;
      return this.sendOnce<T>(method, path, options);
    }
  }

  private sendOnce<T>(method: string, path: string, options: RequestOptions): Promise<Reply<T>> {
    let payload: Buffer | undefined;
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (Buffer.isBuffer(options.body)) payload = options.body;
    else if (options.body !== undefined) {
      payload = Buffer.from(JSON.stringify(options.body));
      headers['content-type'] = 'application/json';
    }
    if (payload) headers['content-length'] = String(payload.length);
    return new Promise((resolve, reject) => {
      const req = request(`${this.baseUrl}${path}`, { method, headers, agent: this.agent, signal: options.signal }, (response) => {
        response.on('error', reject);
        if (options.discard) {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: undefined as T }));
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          if ((response.headers['content-type'] ?? '').includes('json') && text !== '') body = JSON.parse(text);
          resolve({ status: response.statusCode ?? 0, body: body as T });
        });
      });
      req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
      req.end(payload);
    });
  }

  /** Like `send`, but anything other than `expected` is an error that names the call and the answer. */
  async expect<T = unknown>(expected: number, method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const reply = await this.send<T>(method, path, options);
    if (reply.status !== expected) throw new Error(`${method} ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  async login(username: string, password: string): Promise<string> {
    return (await this.expect<{ accessToken: string }>(200, 'POST', '/api/auth/login', { body: { username, password } })).accessToken;
  }

  /** POST /api/files with one file, as multipart/form-data. */
  async upload(token: string, name: string, contentType: string, content: Buffer): Promise<string> {
    const boundary = `----bench${randomUUID()}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${contentType}\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const file = await this.expect<{ id: string }>(201, 'POST', '/api/files', { token, body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    return file.id;
  }

  close(): void {
    this.agent.destroy();
  }
}
