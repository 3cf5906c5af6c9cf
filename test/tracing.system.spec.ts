import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/app-config.js';
import { privateDatabase, type PrivateDatabase } from './support/private-database.js';
import { freePort } from './support/throwaway-redis.js';
import { SEED_PASSWORD, TEST_KEYS, seed } from './support/system.js';

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
}

/**
 * Traces (issue 15): with OTEL_EXPORTER_OTLP_ENDPOINT set, the built program sends OTLP/HTTP to a small
 * sink of the test's own, and a job's span continues the trace of the request that caused it (the trace
 * context travels in the outbox row).
 */
describe('OpenTelemetry', () => {
  const state: { sink?: Server; program?: ChildProcess; database?: PrivateDatabase } = {};
  afterAll(async () => {
    if (state.program && state.program.exitCode === null) state.program.kill('SIGKILL');
    await new Promise((resolve) => state.sink?.close(resolve));
    await state.database?.drop();
  });

  it("exports the request's spans and the job's span in the same trace", async () => {
    const spans: Span[] = [];
    state.sink = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.url === '/v1/traces') {
          const parsed = JSON.parse(body) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Span[] }> }> };
          for (const resource of parsed.resourceSpans ?? []) for (const scope of resource.scopeSpans ?? []) spans.push(...(scope.spans ?? []));
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    const sinkPort = await freePort();
    await new Promise<void>((resolve) => state.sink!.listen(sinkPort, '127.0.0.1', resolve));

    // A database of its own: on the shared one, the queue on PostgreSQL would hand it other tests' jobs.
    state.database = await privateDatabase(`otel_${randomUUID().slice(0, 8)}`);
    const port = await freePort();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      SEED_PASSWORD,
      DATABASE_URL: state.database.url,
      PORT: String(port),
      DATA_DIR: `/tmp/ywtb-otel-${randomUUID().slice(0, 8)}`,
      RATE_LIMIT_PER_MINUTE: '100000',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${sinkPort}`,
      OTEL_BSP_SCHEDULE_DELAY: '200',
      ...TEST_KEYS,
    };
    await seed(loadConfig(env));
    let output = '';
    state.program = spawn(process.execPath, [join(process.cwd(), 'dist/src/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    state.program.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    state.program.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const base = `http://127.0.0.1:${port}/api`;
    await expect
      .poll(async () => {
        if (state.program?.exitCode !== null) throw new Error(`the program exited:\n${output}`);
        return fetch(`${base}/health`).then((r) => r.status, () => 0);
      }, { timeout: 60_000, interval: 500 })
      .toBe(200);

    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: SEED_PASSWORD }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    // Asking for a risk scan queues it: a risk.scan job through the outbox.
    const requested = await fetch(`${base}/risk-monitor/scan`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } });
    expect(requested.status).toBe(202);

    // Scans also run on a schedule, in traces of their own: the requested one is the scan job with a parent.
    const requestedScan = () => spans.find((span) => span.name === 'job risk.scan' && span.parentSpanId);
    await expect.poll(() => requestedScan() !== undefined, { timeout: 30_000 }).toBe(true);
    const job = requestedScan()!;
    // The root of the job's trace is the server span of POST /api/risk-monitor/scan (the HTTP instrumentation names it by method).
    const root = spans.find((span) => span.traceId === job.traceId && !span.parentSpanId);
    expect(root?.name, `spans of the trace: ${spans.filter((span) => span.traceId === job.traceId).map((span) => span.name).join(', ')}`).toBe('POST');
    // The database is traced too, inside that request and inside the job.
    expect(spans.filter((span) => span.traceId === job.traceId && span.name.startsWith('pg.query')).length).toBeGreaterThan(1);
  }, 120_000);
});
