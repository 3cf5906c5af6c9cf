import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { instantItem, jointDesks, jointItem, type BenchItem, type ClerkDesk } from '../bench/support/case-scenario.js';
import { HttpClient } from '../bench/support/http-client.js';
import { privateDatabase, type PrivateDatabase } from './support/private-database.js';
import { SEED_PASSWORD, TEST_KEYS, seed } from './support/system.js';
import { loadConfig } from '../src/config/app-config.js';

/**
 * Scale-out is real (issue #14): the BUILT program as two API and two worker processes on one PostgreSQL
 * database (of this file's own) and one Redis (a key prefix of its own). Cases go in through both APIs,
 * clerks work their queues through both, the workers share the jobs — and every case ends exactly once:
 * one certificate, one history (a valid chain, no step twice), one notice of each kind.
 */
const entry = join(process.cwd(), 'dist/src/main.js');
const INSTANT_CASES = 12;
const JOINT_CASES = 6;

interface Running {
  role: 'api' | 'worker';
  child: ChildProcess;
  url: string | null;
  output: string;
}

const running: Running[] = [];
let database: PrivateDatabase | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'ywtb-scale-out-'));
/** Of its own, within QUEUE_PREFIX's 31 characters. */
const queuePrefix = `scale-out-${randomBytes(6).toString('hex')}`;

/** One process of the built program; resolves when it says it is ready (an API also answers health). */
async function start(role: 'api' | 'worker', env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, [entry], { env: { PATH: process.env.PATH ?? '', ...env, ROLE: role, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const process_: Running = { role, child, url: null, output: '' };
  running.push(process_);
  child.stdout?.on('data', (chunk: Buffer) => (process_.output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (process_.output += chunk.toString()));
  const deadline = performance.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the ${role} process exited:\n${process_.output}`);
    if (role === 'worker' && /worker process ready/.test(process_.output)) break;
    process_.url = /process ready at (http:\/\/[\d.]+:\d+)\/api/.exec(process_.output)?.[1] ?? null;
    if (process_.url !== null && (await fetch(`${process_.url}/api/health`).then((r) => r.status === 200, () => false))) break;
    if (performance.now() > deadline) throw new Error(`the ${role} process did not become ready:\n${process_.output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return process_;
}

async function stop(process_: Running): Promise<void> {
  const { child } = process_;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

async function sql<T>(statement: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(database!.url);
  await client.connect();
  try {
    return (await client.query(statement, values)).rows as T[];
  } finally {
    await client.end();
  }
}

let apis: HttpClient[] = [];

beforeAll(async () => {
  expect(existsSync(entry), `${entry} is missing: run npm run build`).toBe(true);
  database = await privateDatabase('scale_out');
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    REDIS_URL: inject('redisUrl'),
    QUEUE_PREFIX: queuePrefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_PASSWORD,
    // Uploads are files: the processes share the folder, as they would share a volume or a bucket.
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    ...TEST_KEYS,
  };
  await seed(loadConfig(env));
  // Sequentially: the first process to start writes what all share (the generated keys, the queues' schedulers).
  const processes = [];
  for (const role of ['api', 'api', 'worker', 'worker'] as const) processes.push(await start(role, env));
  apis = processes.filter((p) => p.role === 'api').map((p) => new HttpClient(p.url!));
}, 300_000);

afterAll(async () => {
  await Promise.all(running.map(stop));
  const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 3 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `*${queuePrefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

describe('two API and two worker processes on one database and one Redis', () => {
  it('finish every case exactly once, whichever process took each request and job', async () => {
    const [a, b] = apis as [HttpClient, HttpClient];
    // A token from one API is good at the other (one secret, one database of accounts).
    const admin = await a.login('admin', SEED_PASSWORD);
    const citizen = await b.login('citizen1', SEED_PASSWORD);
    const supervisor = await a.login('supervisor', SEED_PASSWORD);
    const instant: BenchItem = await instantItem(a, admin, citizen);
    const joint: BenchItem = await jointItem(b, admin, citizen);

    const submitted: { id: string; kind: 'instant' | 'joint' }[] = [];
    const apply = async (client: HttpClient, item: BenchItem, kind: 'instant' | 'joint', key: string) => {
      const body = { serviceItemCode: item.code, form: item.form, materials: item.materials };
      const first = await client.expect<{ id: string }>(201, 'POST', '/api/cases', { token: citizen, headers: { 'idempotency-key': key }, body });
      // The same application again, through the other API: the same case, not a second one.
      const other = client === a ? b : a;
      const again = await other.send<{ id: string }>('POST', '/api/cases', { token: citizen, headers: { 'idempotency-key': key }, body });
      expect(again.status, JSON.stringify(again.body)).toBe(201);
      expect(again.body.id).toBe(first.id);
      submitted.push({ id: first.id, kind });
    };
    const stamp = Date.now().toString(36);
    await Promise.all([
      ...Array.from({ length: INSTANT_CASES }, (_, i) => apply(i % 2 ? a : b, instant, 'instant', `scale-${stamp}-instant-${i}`)),
      ...Array.from({ length: JOINT_CASES }, (_, i) => apply(i % 2 ? b : a, joint, 'joint', `scale-${stamp}-joint-${i}`)),
    ]);
    const ids = submitted.map((s) => s.id);

    // Two clerks per department, one at each API, working the same queues at once.
    const desks: ClerkDesk[] = [...(await jointDesks(a, SEED_PASSWORD, 4)), ...(await jointDesks(b, SEED_PASSWORD, 4))];
    let allFinished = false;
    const finished = async () => (await sql<{ open: number }>('SELECT count(*)::int AS open FROM case_record WHERE id = ANY($1) AND finished_at IS NULL', [ids]))[0]!.open === 0;
    const working = desks.map((desk) => desk.work(() => allFinished));
    try {
      await expect.poll(finished, { timeout: 120_000, interval: 500 }).toBe(true);
    } finally {
      allFinished = true;
      await Promise.all(working);
    }
    // And the queues and the outbox have gone quiet: nothing left that could act a second time.
    await expect
      .poll(async () => (await sql<{ n: number }>('SELECT count(*)::int AS n FROM outbox_message WHERE relayed_at IS NULL'))[0]!.n, { timeout: 30_000, interval: 250 })
      .toBe(0);

    const cases = await sql<{ id: string; status: string; certificates: number; history: number }>(
      `SELECT c.id, c.status,
         (SELECT count(*)::int FROM certificate z WHERE z.case_id = c.id) AS certificates,
         (SELECT count(*)::int FROM case_history h WHERE h.case_id = c.id) AS history
       FROM case_record c WHERE c.id = ANY($1)`,
      [ids],
    );
    expect(cases).toHaveLength(INSTANT_CASES + JOINT_CASES);
    expect(cases.filter((c) => c.status !== 'approved')).toEqual([]);
    expect(cases.filter((c) => c.certificates !== 1)).toEqual([]);
    // One set of history rows: every case of a kind went through the same steps, none twice.
    for (const kind of ['instant', 'joint'] as const) {
      const lengths = new Set(cases.filter((c) => submitted.find((s) => s.id === c.id)!.kind === kind).map((c) => c.history));
      expect(lengths.size, `${kind} cases with histories of different lengths: ${[...lengths].join(', ')}`).toBe(1);
    }
    const repeated = await sql(
      `SELECT case_id, action, from_status, to_status, data->>'department' AS department, count(*)::int AS n
       FROM case_history WHERE case_id = ANY($1)
       GROUP BY case_id, action, from_status, to_status, data->>'department', data->>'taskId' HAVING count(*) > 1`,
      [ids],
    );
    expect(repeated).toEqual([]);
    const noticedTwice = await sql(
      `SELECT case_id, recipient_id, channel, template, count(*)::int AS n FROM notification
       WHERE case_id = ANY($1) GROUP BY case_id, recipient_id, channel, template HAVING count(*) > 1`,
      [ids],
    );
    expect(noticedTwice).toEqual([]);
    expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM notification WHERE case_id = ANY($1) AND template = 'case.certificate_issued'`, [ids]))[0]!.n).toBe(ids.length);

    // Each API reads each case the same, with a history chain that verifies.
    for (const id of ids) {
      const [fromA, fromB] = await Promise.all([a.expect(200, 'GET', `/api/cases/${id}`, { token: citizen }), b.expect(200, 'GET', `/api/cases/${id}`, { token: citizen })]);
      expect(fromB).toEqual(fromA);
      expect(await (id.charCodeAt(0) % 2 ? a : b).expect(200, 'GET', `/api/cases/${id}/history/verify`, { token: supervisor })).toEqual({ valid: true });
    }

    // The work really was shared: both APIs took decisions, both workers ran jobs.
    for (const worker of running.filter((p) => p.role === 'worker')) {
      const completed = worker.output.split('\n').filter((line) => line.includes('"event":"job"') && line.includes('"outcome":"completed"'));
      expect(completed.length, `worker ${worker.child.pid} ran no job`).toBeGreaterThan(0);
    }
    expect(desks.slice(0, 4).reduce((n, d) => n + d.decided, 0)).toBeGreaterThan(0);
    expect(desks.slice(4).reduce((n, d) => n + d.decided, 0)).toBeGreaterThan(0);
  }, 300_000);
});
