import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { runMigrations } from '../src/database/data-source.js';
import { createDataSource } from '../src/schema.js';
import { seedDatabase } from '../src/cli/seed.js';
import { IdNumberCipher } from '../src/keys/id-number-cipher.js';
import { BENCH_KEYS } from './bench-keys.js';
import { QueueName } from '../src/queue/queue-names.js';
import { instantItem, jointDesks, jointItem, submit, type BenchItem, type ClerkDesk, type SubmissionStats } from './support/case-scenario.js';
import { selfTimeTable, summariseProfile, type CpuProfile } from './support/cpu-profile.js';
import { HttpClient } from './support/http-client.js';
import { closedLoop, openLoop, type ClosedLoopResult, type OpenLoopResult } from './support/http-load.js';
import { bpmnInstancesPerSecond, bullmqJobsPerSecond, initPgbench, runPgbench, type QueuePeerResult } from './support/peers.js';
import { backendCpu, cpuBetween } from './support/proc.js';
import { cpuReport, perfScript, recordCpu, summarisePerfScript } from './support/perf-record.js';
import { BuiltServer } from './support/server.js';
import { parseStatementLog, statementTotals, transactionKinds, transactions } from './support/statement-log.js';

/**
 * The case path (issue #14), not a test: the BUILT program in production mode (PostgreSQL + Redis) as a
 * child process, driven over HTTP, beside its peers measured in the same run on the same machine:
 *
 *   npm run bench -- cases        (about 5 minutes)
 *
 * Each round runs, interleaved: pgbench -N; 秒批 cases (16 submitters); raw BullMQ; review + 联办 + licence
 * cases driven by clerks; bpmn-engine; GET /api/cases/:id at full speed and at a fixed rate. Then one
 * short run with PostgreSQL's statement log on (pg_stat_statements is not preloaded on this server).
 *
 * DATABASE_URL (default postgres://root@127.0.0.1:5432/test) is only used to create, and at the end drop,
 * databases of its own (the system's and pgbench's); REDIS_URL (default redis://127.0.0.1:6379) gets key
 * prefixes of its own, removed at the end. Knobs: BENCH_ROUNDS (2), BENCH_SECONDS (秒批 submission time per
 * round, 10), BENCH_SUBMITTERS (16), BENCH_JOINT_CASES (per round, 40), BENCH_READ_SECONDS (6),
 * BENCH_READ_RATE (500), BENCH_PGBENCH_SECONDS (10), BENCH_QUEUE_JOBS (20000), BENCH_LOGGED_CASES (秒批
 * cases of the statement-log run, 40; 0 skips it), BENCH_PG_LOG (the server's log file), BENCH_PHASES
 * (instant,joint,read,peers), BENCH_CPU_PROF (a folder: profile the server with --cpu-prof and summarise the samples taken
 * under 秒批 load), BENCH_PERF (a file: sample the server's CPU time with Linux perf over the 秒批 rounds; best with
 * BENCH_PHASES=instant), BENCH_NODE_ARGS (extra Node flags for the server, space-separated).
 */
const env = process.env;
const ADMIN_URL = env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const REDIS_URL = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROUNDS = Number(env.BENCH_ROUNDS ?? 2);
const INSTANT_SECONDS = Number(env.BENCH_SECONDS ?? 10);
const SUBMITTERS = Number(env.BENCH_SUBMITTERS ?? 16);
const JOINT_CASES = Number(env.BENCH_JOINT_CASES ?? 40);
const READ_SECONDS = Number(env.BENCH_READ_SECONDS ?? 6);
const READ_RATE = Number(env.BENCH_READ_RATE ?? 500);
const READ_CONNECTIONS = 32;
const PGBENCH_SECONDS = Number(env.BENCH_PGBENCH_SECONDS ?? 10);
const PGBENCH_SCALE = 10;
const QUEUE_JOBS = Number(env.BENCH_QUEUE_JOBS ?? 20_000);
const LOGGED_CASES = Number(env.BENCH_LOGGED_CASES ?? 40);
const LOGGED_JOINT_CASES = 10;
const PG_LOG = env.BENCH_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';
const PHASES = new Set((env.BENCH_PHASES ?? 'instant,joint,read,peers').split(','));
const CPU_PROF = env.BENCH_CPU_PROF;
const PERF_DATA = env.BENCH_PERF;
const NODE_ARGS = (env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const PASSWORD = 'Bench-password-2026';
/** Clerks decide this many tasks of their queue at once. */
const CLERK_PARALLEL = 8;
/**
 * A backend reports its transaction counts to pg_stat_database when it goes idle, at most once a second,
 * and an idle one only after 10 s: counts read sooner than this after the load miss its last part.
 */
const STATS_SETTLE_MS = 11_000;
const DRAIN_TIMEOUT_MS = 180_000;

const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

function withDatabase(url: string, database: string): URL {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client(ADMIN_URL);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function readFrom(path: string, offset: number): string {
  const length = fileSize(path) - offset;
  if (length <= 0) return '';
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

/** The bench's own queries on the system's database, counted: they are transactions too, and taken out of the system's. */
class Monitor {
  queries = 0;
  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<Monitor> {
    const client = new pg.Client(url);
    await client.connect();
    return new Monitor(client);
  }

  async query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    this.queries += 1;
    return (await this.client.query<T>(sql, params)).rows;
  }

  end(): Promise<void> {
    return this.client.end();
  }
}

/** What has been used so far, read at the boundaries of a workload. */
interface Reading {
  at: number;
  serverCpuMs: number;
  pgCpu: Map<number, number>;
  clientCpuMs: number;
  logBytes: number;
}

/** pg_stat_database counters, read once they have settled. */
interface DbCounters {
  at: number;
  xacts: number;
  rowWrites: number;
  monitorQueries: number;
}

interface WaitSummary {
  samples: number;
  active: number;
  idleInTransaction: number;
  lockWaits: Map<string, number>;
}

interface CasePhase {
  kind: 'instant' | 'joint';
  round: number;
  cases: number;
  notApproved: number;
  submitFailures: number;
  seconds: number;
  perSecond: number;
  serverCpuMs: number;
  pgCpuMs: number;
  clientCpuMs: number;
  logLines: number;
  jobs: Map<string, number>;
  waits: WaitSummary;
  /** From the first submission until the outbox and the queues were empty. */
  busyMs: number;
  /** The same span in µs of CLOCK_MONOTONIC, the clock of the server's CPU profile. */
  monotonicUs: [number, number];
  /** The clerks' queue listings that found nothing: polling, left out of the CPU and the transactions. */
  emptyLists: number;
  polling: { serverCpuMs: number; pgCpuMs: number; xacts?: number };
  xacts?: number;
  rowWrites?: number;
}

interface ReadPhase {
  round: number;
  max: ClosedLoopResult;
  fixedRate: OpenLoopResult;
  serverCpuMsPerRequest: number;
  pgCpuMsPerRequest: number;
  requests: number;
  busyMs: number;
  xacts?: number;
}

interface Peers {
  pgbenchTps: number[];
  bullmq: QueuePeerResult[];
  bpmn: number[];
}

async function main(): Promise<void> {
  const stamp = Date.now();
  const database = `ywtb_bench_cases_${stamp}`;
  const scratch = `ywtb_bench_pgbench_${stamp}`;
  const queuePrefix = `bench-cases-${stamp}`;
  const peerPrefix = `{bench-peer-${stamp}}`;
  const logFile = join(tmpdir(), `${database}.server.log`);
  const databaseUrl = withDatabase(ADMIN_URL, database);
  const scratchUrl = withDatabase(ADMIN_URL, scratch);
  const loadAtStart = loadavg();

  await adminQuery(`CREATE DATABASE ${database}`);
  await adminQuery(`CREATE DATABASE ${scratch}`);
  const stats = new pg.Client(ADMIN_URL);
  await stats.connect();
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
  const queues = Object.values(QueueName).map((name) => new Queue(name, { connection: redis, prefix: `{${queuePrefix}}` }));
  let server: BuiltServer | null = null;
  let monitor: Monitor | null = null;
  try {
    const setup = createDataSource(databaseUrl.toString(), { poolSize: 2 });
    await setup.initialize();
    await runMigrations(setup);
    await seedDatabase(setup, PASSWORD, new IdNumberCipher({ current: Buffer.from(BENCH_KEYS.DATA_KEY, 'hex'), previous: [] }));
    await setup.destroy();

    const [{ version: postgresVersion }] = (await stats.query<{ version: string }>('SELECT version()')).rows;
    const [{ preload }] = (await stats.query<{ preload: string }>(`SELECT current_setting('shared_preload_libraries') AS preload`)).rows;
    const redisVersion = /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? '?';

    const serverEnv = {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SEED_PASSWORD: PASSWORD,
      LOG_LEVEL: 'info',
      QUEUE_PREFIX: queuePrefix,
      ...BENCH_KEYS,
      // The default (600 a minute from one address) would throttle the load generator itself.
      RATE_LIMIT_PER_MINUTE: '100000',
    };
    const startServer = (nodeArgs: string[] = []) => BuiltServer.start({ env: serverEnv, logFile, nodeArgs });
    server = await startServer([...NODE_ARGS, ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : []), ...(PERF_DATA ? ['--perf-basic-prof', '--interpreted-frames-native-stack'] : [])]);
    const client = new HttpClient(server.url);
    const admin = await client.login('admin', PASSWORD);
    const citizen = await client.login('citizen1', PASSWORD);
    const instant = await instantItem(client, admin, citizen);
    const joint = await jointItem(client, admin, citizen);
    const desks = await jointDesks(client, PASSWORD, CLERK_PARALLEL);
    monitor = await Monitor.connect(databaseUrl.toString());
    const monitorPid = (await monitor.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid;
    const bench = monitor;
    const running = server;

    const reading = (): Reading => {
      const own = process.cpuUsage();
      return { at: Date.now(), serverCpuMs: running.cpuMs(), pgCpu: backendCpu(database), clientCpuMs: (own.user + own.system) / 1000, logBytes: fileSize(logFile) };
    };
    let busyUntil = Date.now();
    /** Waits until the last load's counts have reached pg_stat_database, then reads them. */
    const settledCounters = async (): Promise<DbCounters> => {
      await sleep(busyUntil + STATS_SETTLE_MS - Date.now());
      const [row] = (
        await stats.query<{ xacts: string; writes: string }>(
          `SELECT xact_commit + xact_rollback AS xacts, tup_inserted + tup_updated + tup_deleted AS writes FROM pg_stat_database WHERE datname = $1`,
          [database],
        )
      ).rows;
      return { at: Date.now(), xacts: Number(row!.xacts), rowWrites: Number(row!.writes), monitorQueries: bench.queries };
    };

    /** Busy queue jobs, leaving out the risk scan's schedule (always one delayed job). */
    const queuedJobs = async () => {
      let jobs = 0;
      for (const queue of queues) {
        const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
        jobs += Object.values(counts).reduce((sum, n) => sum + n, 0);
        jobs += (await queue.getDelayed()).filter((job) => !String(job.id).startsWith('repeat:')).length;
      }
      return jobs;
    };

    /** Until every case of `item` submitted since `since` is finished, and nothing is left in the outbox or the queues. */
    const drained = async (item: BenchItem, since: Date, expected: number) => {
      const deadline = Date.now() + DRAIN_TIMEOUT_MS;
      for (;;) {
        if (Date.now() > deadline) throw new Error(`${item.code}: not all ${expected} cases finished within ${DRAIN_TIMEOUT_MS / 1000} s`);
        const [row] = await bench.query<{ finished: number; approved: number }>(
          `SELECT count(*) FILTER (WHERE finished_at IS NOT NULL)::int AS finished, count(*) FILTER (WHERE status = 'approved')::int AS approved
             FROM case_record WHERE service_item_code = $1 AND submitted_at >= $2`,
          [item.code, since],
        );
        if (row!.finished >= expected) {
          const [{ waiting }] = await bench.query<{ waiting: number }>(`SELECT count(*)::int AS waiting FROM outbox_message WHERE relayed_at IS NULL`);
          if (waiting === 0 && (await queuedJobs()) === 0) return row!.finished - row!.approved;
        }
        await sleep(100);
      }
    };

    /**
     * Citizens submit until `enough` while the clerks work their queues; answers once every case finished
     * and the outbox and the queues are empty. A clerk's failure fails the run.
     */
    const runCases = async (http: HttpClient, token: string, item: BenchItem, clerks: ClerkDesk[], submitters: number, enough: (submitted: number) => boolean, since: Date) => {
      let allDone = false;
      // Handled at once: a clerk failing while the citizens still submit must not be an unhandled rejection.
      const working = clerks.map((desk) => desk.work(() => allDone).then(() => null, (error: unknown) => ({ error })));
      let submitted: SubmissionStats;
      let notApproved: number;
      try {
        submitted = await submit(http, token, item, submitters, enough);
        notApproved = await drained(item, since, submitted.submitted);
      } finally {
        allDone = true;
      }
      const failed = (await Promise.all(working)).find((outcome) => outcome !== null);
      if (failed) throw failed.error;
      return { submitted, notApproved };
    };

    /** pg_stat_activity of the system's database, ten times a second, from the admin connection. */
    const sampleWaits = () => {
      const summary: WaitSummary = { samples: 0, active: 0, idleInTransaction: 0, lockWaits: new Map() };
      let stopped = false;
      const loop = (async () => {
        while (!stopped) {
          const { rows } = await stats.query<{ state: string; wait_event_type: string | null; wait_event: string | null; query: string }>(
            `SELECT state, wait_event_type, wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS query
               FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> $2`,
            [database, monitorPid],
          );
          summary.samples += 1;
          for (const row of rows) {
            if (row.state === 'active') summary.active += 1;
            if (row.state === 'idle in transaction') summary.idleInTransaction += 1;
            if (row.wait_event_type === 'Lock') {
              const key = `${row.wait_event} — ${row.query}`;
              summary.lockWaits.set(key, (summary.lockWaits.get(key) ?? 0) + 1);
            }
          }
          await sleep(100);
        }
      })();
      return async () => {
        stopped = true;
        await loop;
        return summary;
      };
    };

    const maxOutboxId = async () => (await bench.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM outbox_message'))[0]!.id;

    /** What one clerk's look at an empty queue costs: measured below, before the timed rounds. */
    const listing = { serverCpuMs: 0, pgCpuMs: 0, xacts: 0 };

    /** Submits (and for joint cases, has the clerks decide) until `enough`, then waits until all finished and the queues are empty. */
    const casePhase = async (kind: CasePhase['kind'], round: number, enough: (submitted: number) => boolean, submitters = SUBMITTERS): Promise<CasePhase> => {
      const item = kind === 'instant' ? instant : joint;
      const firstOutboxId = await maxOutboxId();
      const stopWaits = sampleWaits();
      const monotonicFrom = monotonicUs();
      const before = reading();
      const since = new Date(before.at);
      const emptyBefore = desks.reduce((sum, desk) => sum + desk.emptyLists, 0);
      const conflictsBefore = desks.reduce((sum, desk) => sum + desk.conflicts, 0);
      const { submitted, notApproved } = await runCases(client, citizen, item, kind === 'joint' ? desks : [], submitters, enough, since);
      const after = reading();
      busyUntil = after.at;
      const waits = await stopWaits();
      const [{ last }] = await bench.query<{ last: number }>(
        `SELECT extract(epoch FROM max(finished_at)) * 1000 AS last FROM case_record WHERE service_item_code = $1 AND submitted_at >= $2`,
        [item.code, since],
      );
      const jobs = new Map(
        (await bench.query<{ job_name: string; n: number }>(`SELECT job_name, count(*)::int AS n FROM outbox_message WHERE id > $1 GROUP BY 1 ORDER BY 2 DESC`, [firstOutboxId])).map(
          (row) => [row.job_name, row.n],
        ),
      );
      const logText = readFrom(logFile, before.logBytes);
      const seconds = (Number(last) - before.at) / 1000;
      const cases = submitted.submitted;
      const emptyLists = desks.reduce((sum, desk) => sum + desk.emptyLists, 0) - emptyBefore;
      const polling = { serverCpuMs: emptyLists * listing.serverCpuMs, pgCpuMs: emptyLists * listing.pgCpuMs };
      const phase: CasePhase = {
        kind,
        round,
        cases,
        notApproved,
        submitFailures: submitted.failed,
        seconds,
        perSecond: cases / seconds,
        serverCpuMs: after.serverCpuMs - before.serverCpuMs - polling.serverCpuMs,
        pgCpuMs: cpuBetween(before.pgCpu, after.pgCpu) - polling.pgCpuMs,
        clientCpuMs: after.clientCpuMs - before.clientCpuMs,
        logLines: logText.split('\n').length - 1,
        jobs,
        waits,
        busyMs: after.at - before.at,
        monotonicUs: [monotonicFrom, monotonicUs()],
        emptyLists,
        polling,
      };
      console.log(
        `  ${kind} round ${round}: ${cases} cases in ${fixed(seconds, 2)} s = ${fixed(phase.perSecond)} cases/s; server ${fixed(phase.serverCpuMs / cases, 2)} ms, ` +
          `PostgreSQL ${fixed(phase.pgCpuMs / cases, 2)} ms CPU per case${notApproved ? `; ${notApproved} NOT approved` : ''}` +
          (kind === 'joint' ? `; clerks: ${emptyLists} empty listings, ${desks.reduce((sum, desk) => sum + desk.conflicts, 0) - conflictsBefore} decisions answered 409` : ''),
      );
      return phase;
    };

    /** Per-case transactions and row writes of the workload between two settled readings; the idle server's own rate taken out. */
    let idleXactsPerSecond = 0;
    const charge = (from: DbCounters, to: DbCounters, busyMs: number) => {
      const idleSeconds = Math.max(0, (to.at - from.at - busyMs) / 1000);
      return {
        xacts: to.xacts - from.xacts - (to.monitorQueries - from.monitorQueries) - idleXactsPerSecond * idleSeconds,
        rowWrites: to.rowWrites - from.rowWrites,
      };
    };

    const readPhase = async (round: number, caseId: string): Promise<ReadPhase> => {
      const target = { baseUrl: running.url, path: `/api/cases/${caseId}`, token: citizen, connections: READ_CONNECTIONS };
      await closedLoop(target, 1000, 0);
      const before = reading();
      const max = await closedLoop(target, READ_SECONDS * 1000, 0);
      const fixedRate = await openLoop(target, READ_RATE, READ_SECONDS * 1000, 5_000);
      const after = reading();
      busyUntil = after.at;
      const requests = max.requests + fixedRate.completed;
      const phase = {
        round,
        busyMs: after.at - before.at,
        max,
        fixedRate,
        requests,
        serverCpuMsPerRequest: (after.serverCpuMs - before.serverCpuMs) / requests,
        pgCpuMsPerRequest: cpuBetween(before.pgCpu, after.pgCpu) / requests,
      };
      console.log(
        `  GET /api/cases/:id round ${round}: ${fixed(max.perSecond, 0)} requests/s with ${READ_CONNECTIONS} connections (p99 ${fixed(max.latency.p99)} ms); ` +
          `at ${READ_RATE}/s p50 ${fixed(fixedRate.latency.p50)} p90 ${fixed(fixedRate.latency.p90)} p99 ${fixed(fixedRate.latency.p99)} ms` +
          `${fixedRate.unanswered ? `, ${fixedRate.unanswered} unanswered` : ''}; server ${fixed(phase.serverCpuMsPerRequest, 2)} ms CPU each`,
      );
      return phase;
    };

    // Warm the server's code paths, and make finished joint cases for the reads to fetch.
    console.log('## Warm-up');
    await casePhase('instant', 0, (n) => n >= 40);
    if (PHASES.has('joint') || PHASES.has('read')) await casePhase('joint', 0, (n) => n >= 10, 4);

    // Idle: what the server does on its own, and what a clerk's queue listing costs (both taken out later).
    console.log('## Calibration (during pgbench -i)');
    const pgbenchInit = initPgbench(scratchUrl, PGBENCH_SCALE);
    const beforeLists = await settledCounters();
    const LISTINGS = 100;
    const listingsFrom = reading();
    for (let i = 0; i < LISTINGS; i++) await desks[1]!.list();
    const listingsTo = reading();
    const listingMs = listingsTo.at - listingsFrom.at;
    listing.serverCpuMs = (listingsTo.serverCpuMs - listingsFrom.serverCpuMs) / LISTINGS;
    listing.pgCpuMs = cpuBetween(listingsFrom.pgCpu, listingsTo.pgCpu) / LISTINGS;
    busyUntil = Date.now();
    const afterLists = await settledCounters();
    await pgbenchInit;
    const peers: Peers = { pgbenchTps: [], bullmq: [], bpmn: [] };
    const idleFrom = await settledCounters();
    peers.pgbenchTps.push(await runPgbench(scratchUrl, PGBENCH_SECONDS));
    const idleTo = await settledCounters();
    idleXactsPerSecond = (idleTo.xacts - idleFrom.xacts - (idleTo.monitorQueries - idleFrom.monitorQueries)) / ((idleTo.at - idleFrom.at) / 1000);
    listing.xacts = charge(beforeLists, afterLists, listingMs).xacts / LISTINGS;
    console.log(
      `  idle server: ${fixed(idleXactsPerSecond)} transactions/s; a clerk's queue listing: ${fixed(listing.xacts, 2)} transactions, ` +
        `${fixed(listing.serverCpuMs, 2)} ms server and ${fixed(listing.pgCpuMs, 2)} ms PostgreSQL CPU; pgbench -N ${fixed(peers.pgbenchTps[0]!, 0)} tps`,
    );
    const [readTarget] = await bench.query<{ id: string; history: number }>(
      `SELECT id, history_seq AS history FROM case_record WHERE service_item_code = $1 AND status = 'approved' ORDER BY abs(history_seq - 7), id LIMIT 1`,
      [joint.code],
    );

    const instantPhases: CasePhase[] = [];
    const jointPhases: CasePhase[] = [];
    const readPhases: ReadPhase[] = [];
    let counters = idleTo;
    let stopPerf: (() => Promise<void>) | null = null;
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`## Round ${round} of ${ROUNDS}`);
      if (round > 1) peers.pgbenchTps.push(await runPgbench(scratchUrl, PGBENCH_SECONDS));
      if (round > 1 && readPhases.length > 0) {
        const next = await settledCounters();
        const last = readPhases[readPhases.length - 1]!;
        last.xacts = charge(counters, next, last.busyMs).xacts;
        counters = next;
      }
      if (PHASES.has('instant')) {
        if (PERF_DATA && round === 1) stopPerf = recordCpu(running.pid, PERF_DATA);
        const end = Date.now() + INSTANT_SECONDS * 1000;
        const phase = await casePhase('instant', round, () => Date.now() >= end);
        if (round === ROUNDS) await stopPerf?.();
        if (PHASES.has('peers')) peers.bullmq.push(await bullmqJobsPerSecond(REDIS_URL, peerPrefix, QUEUE_JOBS, 16));
        const next = await settledCounters();
        Object.assign(phase, charge(counters, next, phase.busyMs));
        counters = next;
        instantPhases.push(phase);
      }
      if (PHASES.has('joint')) {
        const phase = await casePhase('joint', round, (n) => n >= JOINT_CASES);
        if (PHASES.has('peers')) peers.bpmn.push((await bpmnInstancesPerSecond(5_000, 16)).perSecond);
        const next = await settledCounters();
        const charged = charge(counters, next, phase.busyMs);
        phase.polling.xacts = phase.emptyLists * listing.xacts;
        Object.assign(phase, { xacts: charged.xacts - phase.polling.xacts, rowWrites: charged.rowWrites });
        counters = next;
        jointPhases.push(phase);
      }
      if (PHASES.has('read') && readTarget) readPhases.push(await readPhase(round, readTarget.id));
    }
    const rssMiB = running.rssMiB();
    const loadAtEnd = loadavg();
    await running.stop();
    server = null;
    if (CPU_PROF) printProfile(CPU_PROF, instantPhases.map((phase) => phase.monotonicUs));
    if (PERF_DATA && stopPerf) {
      const summary = summarisePerfScript(await perfScript(PERF_DATA));
      console.log(`\n## CPU time of the server under 秒批 load (perf, ${PERF_DATA}): ${fixed(summary.totalMs / 1000, 1)} s on a CPU`);
      console.log(`${selfTimeTable('package', summary.byPackage, summary.busyMs, 20)}\n\n${selfTimeTable('function', summary.byFunction, summary.busyMs, 40)}`);
      console.log(`\nby binary (kernel included)\n${await cpuReport(PERF_DATA, 8)}`);
      rmSync(`/tmp/perf-${running.pid}.map`, { force: true });
    }

    const statementReport = LOGGED_CASES > 0 && PHASES.has('instant') ? await statementRun() : null;

    report();
    if (statementReport) console.log(statementReport);

    /** A short run with PostgreSQL's statement log on for this database only, read back from the server's log. */
    async function statementRun(): Promise<string> {
      console.log(`## Statement log run (${LOGGED_CASES} 秒批, ${LOGGED_JOINT_CASES} joint cases)`);
      await adminQuery(`ALTER DATABASE ${database} SET log_min_duration_statement = 0`);
      let logged: BuiltServer | null = null;
      try {
        logged = await startServer();
        const http = new HttpClient(logged.url);
        const token = await http.login('citizen1', PASSWORD);
        const loggedDesks = await jointDesks(http, PASSWORD, CLERK_PARALLEL);
        const segment = async (item: BenchItem, count: number, clerks: ClerkDesk[]) => {
          const offset = fileSize(PG_LOG);
          await runCases(http, token, item, clerks, 4, (n) => n >= count, new Date());
          await sleep(500);
          return parseStatementLog(readFrom(PG_LOG, offset), database);
        };
        const instantLog = await segment(instant, LOGGED_CASES, []);
        const jointLog = PHASES.has('joint') ? await segment(joint, LOGGED_JOINT_CASES, loggedDesks) : [];
        http.close();
        return [statementSection('秒批', instantLog, LOGGED_CASES), jointLog.length ? statementSection('review + 联办 + licence', jointLog, LOGGED_JOINT_CASES) : ''].join('\n');
      } finally {
        await logged?.stop();
        await adminQuery(`ALTER DATABASE ${database} RESET log_min_duration_statement`);
      }
    }

    function report(): void {
      const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
      const pgbench = mean(peers.pgbenchTps);
      const sum = (phases: CasePhase[], pick: (p: CasePhase) => number) => phases.reduce((total, p) => total + pick(p), 0);
      const cases = (phases: CasePhase[]) => sum(phases, (p) => p.cases);
      const perCase = (phases: CasePhase[], pick: (p: CasePhase) => number) => sum(phases, pick) / cases(phases);
      const rate = (phases: CasePhase[]) => cases(phases) / sum(phases, (p) => p.seconds);

      console.log('\n# The case path: results');
      console.log(
        `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; load average ${loadAtStart.map((l) => fixed(l, 2)).join(' ')} at the start, ` +
          `${loadAtEnd.map((l) => fixed(l, 2)).join(' ')} at the end; Node ${process.version}; ${postgresVersion.split(' on ')[0]}; Redis ${redisVersion}.`,
      );
      console.log(
        `The built program (dist/src/main.js) as one process (ROLE=all), NODE_ENV=production, LOG_LEVEL=info, logs to a file; HTTP load from the bench's process ` +
          `(node:http, keep-alive). ${ROUNDS} rounds, the whole run ${fixed((Date.now() - stamp) / 1000, 0)} s.`,
      );

      console.log('\n| round | pgbench -N tps | 秒批 cases/s | review + 联办 cases/s | GET max requests/s | p50 / p90 / p99 at ' + `${READ_RATE}/s (ms) | BullMQ jobs/s | bpmn-engine instances/s |`);
      console.log('|---|---:|---:|---:|---:|---|---:|---:|');
      for (let round = 1; round <= ROUNDS; round++) {
        const i = instantPhases.find((p) => p.round === round);
        const j = jointPhases.find((p) => p.round === round);
        const r = readPhases.find((p) => p.round === round);
        console.log(
          `| ${round} | ${fixed(peers.pgbenchTps[round - 1] ?? NaN, 0)} | ${fixed(i?.perSecond ?? NaN)} | ${fixed(j?.perSecond ?? NaN)} | ${fixed(r?.max.perSecond ?? NaN, 0)} | ` +
            `${r ? `${fixed(r.fixedRate.latency.p50)} / ${fixed(r.fixedRate.latency.p90)} / ${fixed(r.fixedRate.latency.p99)}${r.fixedRate.unanswered ? ` (${r.fixedRate.unanswered} unanswered)` : ''}` : 'n/a'} | ` +
            `${fixed(peers.bullmq[round - 1]?.processedPerSecond ?? NaN, 0)} | ${fixed(peers.bpmn[round - 1] ?? NaN, 0)} |`,
        );
      }

      const instantRate = rate(instantPhases);
      const jointRate = rate(jointPhases);
      const readMax = mean(readPhases.map((p) => p.max.perSecond));
      const p99 = Math.max(...readPhases.map((p) => p.fixedRate.latency.p99));
      const bullmq = mean(peers.bullmq.map((b) => b.processedPerSecond));
      const bpmn = mean(peers.bpmn);
      const instantJobs = perCase(instantPhases, (p) => [...p.jobs.values()].reduce((s, n) => s + n, 0));
      console.log(`\nRatios (all rounds; peers averaged over the rounds):`);
      console.log(`- 秒批 cases/s ÷ pgbench -N tps: ${fixed(instantRate, 1)} ÷ ${fixed(pgbench, 0)} = ${fixed(instantRate / pgbench, 4)}`);
      console.log(`- GET /api/cases/:id requests/s ÷ pgbench -N tps: ${fixed(readMax, 0)} ÷ ${fixed(pgbench, 0)} = ${fixed(readMax / pgbench, 3)}`);
      console.log(`- review + 联办 cases/s ÷ pgbench -N tps: ${fixed(jointRate, 2)} ÷ ${fixed(pgbench, 0)} = ${fixed(jointRate / pgbench, 4)}`);
      console.log(`- 秒批 cases/s ÷ bpmn-engine 4-task instances/s (in memory): ${fixed(instantRate, 1)} ÷ ${fixed(bpmn, 0)} = ${fixed(instantRate / bpmn, 3)}`);
      console.log(
        `- our queue jobs/s during 秒批 (${fixed(instantJobs, 1)} per case) ÷ raw BullMQ jobs/s: ${fixed(instantRate * instantJobs, 0)} ÷ ${fixed(bullmq, 0)} = ${fixed((instantRate * instantJobs) / bullmq, 3)}`,
      );

      const accounting = (title: string, phases: CasePhase[]) => {
        if (phases.length === 0) return;
        console.log(`\n${title} per case (${cases(phases)} cases in ${phases.length} rounds):`);
        console.log(`- CPU: server ${fixed(perCase(phases, (p) => p.serverCpuMs), 2)} ms, PostgreSQL backends ${fixed(perCase(phases, (p) => p.pgCpuMs), 2)} ms (/proc of the database's backends), load generator ${fixed(perCase(phases, (p) => p.clientCpuMs), 2)} ms`);
        const empty = sum(phases, (p) => p.emptyLists);
        if (empty > 0) {
          console.log(
            `- left out above, as polling: ${fixed(empty / cases(phases), 1)} empty queue listings by the clerks = ${fixed(perCase(phases, (p) => p.polling.xacts ?? 0), 1)} transactions, ` +
              `${fixed(perCase(phases, (p) => p.polling.serverCpuMs), 2)} ms server and ${fixed(perCase(phases, (p) => p.polling.pgCpuMs), 2)} ms PostgreSQL CPU`,
          );
        }
        console.log(
          `- transactions ${fixed(perCase(phases, (p) => p.xacts ?? NaN), 1)}, ` +
            `row writes ${fixed(perCase(phases, (p) => p.rowWrites ?? NaN), 1)} (pg_stat_database, idle rate ${fixed(idleXactsPerSecond)}/s and the bench's own queries taken out)`,
        );
        const jobs = new Map<string, number>();
        for (const phase of phases) for (const [name, n] of phase.jobs) jobs.set(name, (jobs.get(name) ?? 0) + n);
        console.log(`- queue hops (outbox rows): ${[...jobs].map(([name, n]) => `${name} ${fixed(n / cases(phases), 2)}`).join(', ')}`);
        console.log(`- server log: ${fixed(perCase(phases, (p) => p.logLines), 1)} lines`);
        const samples = sum(phases, (p) => p.waits.samples);
        const locks = new Map<string, number>();
        for (const phase of phases) for (const [key, n] of phase.waits.lockWaits) locks.set(key, (locks.get(key) ?? 0) + n);
        console.log(
          `- connections (mean of ${samples} samples): ${fixed(sum(phases, (p) => p.waits.active) / samples, 2)} active, ${fixed(sum(phases, (p) => p.waits.idleInTransaction) / samples, 2)} idle in transaction, ` +
            `${fixed([...locks.values()].reduce((s, n) => s + n, 0) / samples, 2)} waiting on a lock`,
        );
        for (const [key, n] of [...locks].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`  - ${fixed(n / samples, 2)} waiting: ${key}`);
      };
      accounting('秒批', instantPhases);
      accounting('review + 联办 + licence', jointPhases);
      if (readPhases.length > 0) {
        const requests = readPhases.reduce((s, p) => s + p.requests, 0);
        const withXacts = readPhases.filter((p) => p.xacts !== undefined);
        console.log(
          `\nGET /api/cases/:id (a case with ${readTarget?.history ?? '?'} history rows) per request: server ${fixed(readPhases.reduce((s, p) => s + p.serverCpuMsPerRequest * p.requests, 0) / requests, 2)} ms CPU, ` +
            `PostgreSQL ${fixed(readPhases.reduce((s, p) => s + p.pgCpuMsPerRequest * p.requests, 0) / requests, 2)} ms` +
            `${withXacts.length ? `, ${fixed(withXacts.reduce((s, p) => s + p.xacts!, 0) / withXacts.reduce((s, p) => s + p.requests, 0), 2)} transactions` : ''}; ` +
            `load generator ${fixed(mean(readPhases.map((p) => p.max.clientCpuMsPerRequest)), 3)} ms CPU per request`,
        );
      }
      console.log(`\nRSS of the server after the loads: ${fixed(rssMiB, 0)} MiB. pg_stat_statements: ${preload.includes('pg_stat_statements') ? 'preloaded' : `not in shared_preload_libraries here: statements are counted from PostgreSQL's statement log${LOGGED_CASES > 0 ? ' (below)' : ' (BENCH_LOGGED_CASES > 0)'}`}.`);

      const goal = (what: string, now: number, target: string, pass: boolean) => console.log(`| ${what} | ${now} | ${target} | ${Number.isFinite(now) ? (pass ? 'PASS' : 'FAIL') : 'n/a'} |`);
      console.log('\n| goal (issue #14) | now | target | |\n|---|---:|---|---|');
      const ratio = instantRate / pgbench;
      goal('秒批 cases/s ÷ pgbench -N tps', Number(fixed(ratio, 4)), '≥ 0.25', ratio >= 0.25);
      const serverCpu = perCase(instantPhases, (p) => p.serverCpuMs);
      goal('server CPU per 秒批 case (ms)', Number(fixed(serverCpu, 2)), '≤ 4', serverCpu <= 4);
      const pgCpu = perCase(instantPhases, (p) => p.pgCpuMs);
      goal('PostgreSQL CPU per 秒批 case (ms)', Number(fixed(pgCpu, 2)), '≤ 4', pgCpu <= 4);
      const xacts = perCase(instantPhases, (p) => p.xacts ?? NaN);
      goal('transactions per 秒批 case', Number(fixed(xacts, 1)), '≤ 3', xacts <= 3);
      goal('GET /api/cases/:id requests/s ÷ pgbench -N tps', Number(fixed(readMax / pgbench, 3)), '≥ 1', readMax / pgbench >= 1);
      goal(`GET /api/cases/:id p99 at ${READ_RATE}/s (ms, worst round)`, Number(fixed(p99, 1)), '≤ 25', p99 <= 25);
      const jointXacts = perCase(jointPhases, (p) => p.xacts ?? NaN);
      goal('transactions per review + 联办 + licence case', Number(fixed(jointXacts, 1)), '≤ 25', jointXacts <= 25);
      goal('RSS of the process after the loads (MiB)', Number(fixed(rssMiB, 0)), '≤ 300', rssMiB <= 300);
    }
  } catch (error) {
    console.error(`the server's last log lines (${logFile}):\n${readFrom(logFile, Math.max(0, fileSize(logFile) - 4000))}`);
    throw error;
  } finally {
    await server?.stop();
    await monitor?.end();
    await stats.end();
    for (const queue of queues) await queue.close();
    await removeKeys(redis, [`{${queuePrefix}}`, peerPrefix]);
    redis.disconnect();
    await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await adminQuery(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    if (!env.BENCH_KEEP_LOG) rmSync(logFile, { force: true });
  }
}

/** Statements and transactions per case from the statement log, with the most frequent of each. */
function statementSection(title: string, entries: ReturnType<typeof parseStatementLog>, cases: number): string {
  const totals = statementTotals(entries);
  const list = transactions(entries);
  const calls = totals.reduce((sum, t) => sum + t.calls, 0);
  const ms = totals.reduce((sum, t) => sum + t.ms, 0);
  const planMs = totals.reduce((sum, t) => sum + t.planMs, 0);
  const lines = [
    `\n## Statement log: ${title} (${cases} cases, the relay's idle polling included)`,
    `${fixed(calls / cases, 1)} statements and ${fixed(list.length / cases, 1)} transactions per case; ${fixed(ms / cases, 2)} ms of statement time per case ` +
      `(parse + bind + execute, lock and WAL-flush waits included), of which parse + bind (planning) ${fixed(planMs / cases, 2)} ms.`,
    '\n| statement | per case | ms per case | of it parse + bind |\n|---|---:|---:|---:|',
    ...totals.slice(0, 25).map((t) => `| ${t.sql.slice(0, 140).replace(/\|/g, '\\|')} | ${fixed(t.calls / cases, 2)} | ${fixed(t.ms / cases, 3)} | ${fixed(t.planMs / cases, 3)} |`),
    '\n| transaction (statements in order) | per case | statements each |\n|---|---:|---:|',
    ...transactionKinds(list)
      .slice(0, 20)
      .map((k) => `| ${k.signature.slice(0, 220)} | ${fixed(k.count / cases, 2)} | ${fixed(k.statements / k.count, 1)} |`),
  ];
  return lines.join('\n');
}

/** The server's CPU profile, only the samples taken while 秒批 cases ran. */
function printProfile(folder: string, windows: [number, number][]): void {
  const newest = readdirSync(folder)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => ({ name, at: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at)[0];
  if (!newest) return;
  const profile = JSON.parse(readFrom(join(folder, newest.name), 0)) as CpuProfile;
  const summary = summariseProfile(profile, windows);
  console.log(`\n## CPU profile of the server under 秒批 load (${join(folder, newest.name)}): ${fixed(summary.busyMs / 1000, 1)} s busy of ${fixed(summary.totalMs / 1000, 1)} s`);
  console.log(selfTimeTable('package', summary.byPackage, summary.busyMs, 20));
  console.log();
  console.log(selfTimeTable('function', summary.byFunction, summary.busyMs, 40));
}

async function removeKeys(redis: Redis, prefixes: string[]): Promise<void> {
  for (const prefix of prefixes) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
