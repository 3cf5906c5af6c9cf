import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkRequest {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
  /** What the sink answered. */
  status: number;
}

/**
 * A local HTTP receiver for the SMS gateway and webhook subscribers. It refuses (503) the first request
 * of each message — by the SMS `id` or the `X-Ywtb-Delivery` header — and accepts (200) every later one,
 * so each delivery must be retried under its id.
 */
export class HttpSink {
  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly requests: SinkRequest[],
  ) {}

  static async start(): Promise<HttpSink> {
    const requests: SinkRequest[] = [];
    const seen = new Set<string>();
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const body = JSON.parse(raw) as Record<string, unknown>;
        const key = String(request.headers['x-ywtb-delivery'] ?? body.id);
        const status = seen.has(key) ? 200 : 503;
        seen.add(key);
        requests.push({ path: request.url ?? '/', headers: request.headers, raw, body, status });
        response.writeHead(status, { 'Content-Type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new HttpSink(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests);
  }

  on(path: string): SinkRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
