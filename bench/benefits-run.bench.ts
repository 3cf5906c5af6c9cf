import { chinaDate } from '@app/business-calendar';
import 'reflect-metadata';
import { createReadStream, createWriteStream, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ClsService } from 'nestjs-cls';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { BenefitPoliciesService } from '../src/benefits/benefit-policies.service.js';
import { DEFAULT_CHUNK_SIZE, DEFAULT_PARALLELISM } from '../src/benefits/benefit-run.dto.js';
import { BenefitRunsService } from '../src/benefits/benefit-runs.service.js';
import { startSystem, type RunningSystem } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { IdNumberCipher } from '../src/keys/id-number-cipher.js';
import { secretKeys } from '../src/keys/secret-keys.js';
import { runMigrations } from '../src/database/data-source.js';
import { createDataSource } from '../src/schema.js';
import { OutboxRelay } from '../src/queue/outbox/outbox-relay.service.js';
import { seedDatabase } from '../src/cli/seed.js';
import { BENCH_KEYS } from './bench-keys.js';
import { registryCsv, syntheticPersons } from '../src/registry/synthetic-registry.js';

/**
 * 免申即享 at registry scale (not a test): streams a 1,000,000-line CSV through POST
 * /api/registry/persons/import with memory watched, then times a full grant run through the real code
 * path (the chunk method the `benefits` queue calls, looped in-process) against a hand-written
 * INSERT … SELECT with the same predicate, in the same database and the same process.
 *
 *   npm run build && node dist/bench/benefits-run.bench.js
 *
 * DATABASE_URL (default postgres://root@127.0.0.1:5432/test) is only used to create, and at the end
 * drop, a database of its own. BENCH_PERSONS changes the registry size, BENCH_CHUNK_SIZE the chunks (the
 * service's default otherwise), BENCH_DATABASE reuses a database that holds a registry already.
 */
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const PERSONS = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const ROUNDS = 5;
const CHUNK_SIZE = Number(process.env.BENCH_CHUNK_SIZE ?? DEFAULT_CHUNK_SIZE);
const RULE = "person.age >= 80 && person.hukouDistrict == '南关区'";
const PASSWORD = 'Bench-password-2026';

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client(ADMIN_URL);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const TICKS_PER_SECOND = 100;

/**
 * CPU milliseconds the database's backends have used, by pid, read from /proc (the database runs on
 * this machine). Wall-clock time on a shared machine swings with whatever else runs; CPU time does not.
 */
async function backendCpu(dataSource: DataSource, database: string): Promise<Map<number, number> | null> {
  // The application's own connections: the queue backend's pool is not part of a run.
  const rows: Array<{ pid: number }> = await dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'ywtb'`, [database]);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
    } catch {
      return null;
    }
  }
  return cpu;
}

/** Wall-clock time and CPU time (database backends plus this process) of some work. */
async function measured<T>(dataSource: DataSource, database: string, work: () => Promise<T>): Promise<{ ms: number; cpuMs: number | null; nodeMs: number; value: T }> {
  const before = await backendCpu(dataSource, database);
  const ownBefore = process.cpuUsage();
  const { ms, value } = await timed(work);
  const own = process.cpuUsage(ownBefore);
  const after = await backendCpu(dataSource, database);
  const nodeMs = (own.user + own.system) / 1000;
  if (!before || !after) return { ms, cpuMs: null, nodeMs, value };
  let cpuMs = nodeMs;
  for (const [pid, total] of after) cpuMs += total - (before.get(pid) ?? 0);
  return { ms, cpuMs, nodeMs, value };
}

async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Streams the file as the request body; neither side ever holds it whole. */
async function importOverHttp(url: string, token: string, file: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/registry/persons/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
    });
    req.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => (response.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`${response.statusCode}: ${body}`))));
    });
    req.on('error', reject);
    pipeline(createReadStream(file), req).catch(reject);
  });
}

/** Streams a generated registry file through POST /api/registry/persons/import, watching memory as the lines commit. */
async function importRegistry(system: RunningSystem, dataSource: DataSource, database: string, today: string): Promise<void> {
  console.log(`## Streaming import of ${PERSONS.toLocaleString('en')} persons (CSV over HTTP)`);
  const file = join(tmpdir(), `${database}.persons.csv`);
  await pipeline(Readable.from(registryCsv(syntheticPersons(PERSONS, 2026, today), 'person')), createWriteStream(file));
  const rssBefore = process.memoryUsage().rss;
  // RSS against the lines the import has committed so far (its counters advance with each batch).
  const samples: Array<{ lines: number; rss: number }> = [];
  const sampler = setInterval(() => {
    void dataSource.query(`SELECT coalesce(max(lines), 0)::int AS lines FROM registry_import WHERE status = 'running'`).then(([row]) => {
      samples.push({ lines: row.lines, rss: process.memoryUsage().rss });
    });
  }, 1_000);
  const token = await login(system.url!);
  // CPU as well as wall-clock time: on a shared machine the wall clock swings with whatever else runs.
  const imported = await measured(dataSource, database, () => importOverHttp(system.url!, token, file).finally(() => rmSync(file, { force: true })));
  clearInterval(sampler);
  const summary = imported.value;
  console.log(
    `lines ${summary.lines}, imported ${summary.imported}, rejected ${summary.rejectedCount} in ${seconds(imported.ms)} s ` +
      `(${Math.round((Number(summary.lines) / imported.ms) * 1000).toLocaleString('en')} lines/s); ` +
      `CPU ${imported.cpuMs === null ? 'n/a' : `${seconds(imported.cpuMs)} s`}, of it Node (server and client) ${seconds(imported.nodeMs)} s`,
  );
  const at = (share: number) => samples.find((sample) => sample.lines >= PERSONS * share) ?? samples[samples.length - 1];
  const marks = [0.1, 0.25, 0.5, 0.75, 0.99].map((share) => `${Math.round(share * 100)}%: ${mib(at(share).rss)} MiB`);
  console.log(`RSS (server and client in one process): before ${mib(rssBefore)} MiB; by lines committed ${marks.join(', ')}; after ${mib(process.memoryUsage().rss)} MiB`);
}

async function main(): Promise<void> {
  const stamp = Date.now();
  // BENCH_DATABASE reuses a database that already holds a registry (skipping the import), and keeps it.
  const reused = process.env.BENCH_DATABASE;
  const database = reused ?? `ywtb_bench_${stamp}`;
  if (!reused) await adminQuery(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  let system: RunningSystem | null = null;
  try {
    // ROLE=api: HTTP and the outbox relay, no workers, so nothing else competes for the database while timing.
    const config = loadConfig({ DATABASE_URL: url.toString(), PORT: '0', LOG_LEVEL: 'warn', ROLE: 'api', SEED_PASSWORD: PASSWORD, RATE_LIMIT_PER_MINUTE: '100000', ...BENCH_KEYS });
    const setup = createDataSource(url.toString(), { poolSize: 2 });
    await setup.initialize();
    await runMigrations(setup);
    if (!reused) await seedDatabase(setup, PASSWORD, new IdNumberCipher(secretKeys(config).data));
    await setup.destroy();

    system = await startSystem(config);
    const app = system.app;
    const dataSource = app.get(DataSource);
    const cls = app.get(ClsService);
    const today = chinaDate(new Date());

    if (!reused) await importRegistry(system, dataSource, database, today);

    await dataSource.query('VACUUM ANALYZE registry_person');
    const [{ id: adminId }] = await dataSource.query(`SELECT id FROM app_user WHERE username = 'admin'`);
    const policies = app.get(BenefitPoliciesService);
    const runs = app.get(BenefitRunsService);
    const twin = (code: string) =>
      cls.run(() => policies.create({ code, name: '高龄津贴（基准）', subjectType: 'person', rule: RULE, amount: 100, period: 'monthly' }, adminId));

    /**
     * The real path: the run as POST …/runs makes it, then every chunk as the queue's handler runs it, in as
     * many lanes as the run's parallelism, as that many workers would.
     */
    async function realRun(code: string, { dryRun = false, parallelism = DEFAULT_PARALLELISM } = {}) {
      await twin(code).catch(() => undefined);
      return measured(dataSource, database, async () => {
        const { runId } = await cls.run(() => runs.start(code, { dryRun, chunkSize: CHUNK_SIZE, parallelism }, adminId));
        const { chunksTotal } = await cls.run(() => runs.get(runId));
        const lane = async (first: number) => {
          for (let chunk = first; chunk < Math.max(chunksTotal, 1); chunk += parallelism) await cls.run(() => runs.processChunk({ runId, chunk }));
        };
        await Promise.all(Array.from({ length: Math.min(parallelism, Math.max(chunksTotal, 1)) }, (_, first) => lane(first)));
        return cls.run(() => runs.get(runId));
      });
    }

    /** The same grants, by hand: one statement, the predicate written directly. */
    async function handRun(code: string) {
      await twin(code);
      const [version] = await dataSource.query(
        `SELECT v.id, v.policy_id FROM benefit_policy_version v JOIN benefit_policy p ON p.id = v.policy_id WHERE p.code = $1`,
        [code],
      );
      const runner = dataSource.createQueryRunner();
      return measured(dataSource, database, async () => {
        const result = await runner.query(
          `INSERT INTO benefit_grant (policy_id, policy_version_id, subject_type, subject_id, period, amount, as_of, facts)
           SELECT $1, $2, 'person', p.id, $3, 100, $4::date,
                  jsonb_build_object('person.age', date_part('year', age($4::date, p.birth_date))::int, 'person.hukouDistrict', p.hukou_district)
             FROM registry_person p
            WHERE date_part('year', age($4::date, p.birth_date)) >= 80 AND p.hukou_district = '南关区'
           ON CONFLICT (policy_id, subject_id, period) DO NOTHING`,
          [version.policy_id, version.id, today.slice(0, 7), today],
          true,
        );
        return result.affected ?? 0;
      }).finally(() => runner.release());
    }

    console.log(`\n## Grant run: ${RULE} (chunks of ${CHUNK_SIZE.toLocaleString('en')} ids)`);
    // Timed here is the run's own work, the chunk method looped in-process; moving its next-chunk jobs on to
    // the queue is the relay's, asynchronous and off the run's path, so the relay rests meanwhile.
    await app.get(OutboxRelay).beforeApplicationShutdown();
    // Warm the table into the cache so the first timing does not pay for reading it from disk.
    await dataSource.query('SELECT count(*) FROM registry_person');
    // Alternating rounds, each on fresh twin policies: a busy machine disturbs both sides alike, and the best of each is compared.
    const hand: Array<Awaited<ReturnType<typeof handRun>>> = [];
    const sequential: Array<Awaited<ReturnType<typeof realRun>>> = [];
    const parallel: Array<Awaited<ReturnType<typeof realRun>>> = [];
    // A first round unmeasured: caches, plans and code paths warm for both sides.
    await handRun(`bench-hand-${stamp}-0`);
    await realRun(`bench-real-${stamp}-0`, { parallelism: 1 });
    for (let round = 1; round <= ROUNDS; round++) {
      if (round % 2 === 1) hand.push(await handRun(`bench-hand-${stamp}-${round}`));
      sequential.push(await realRun(`bench-sequential-${stamp}-${round}`, { parallelism: 1 }));
      parallel.push(await realRun(`bench-parallel-${stamp}-${round}`));
      if (round % 2 === 0) hand.push(await handRun(`bench-hand-${stamp}-${round}`));
    }
    const rerun = await realRun(`bench-parallel-${stamp}-1`);
    const dry = await realRun(`bench-parallel-${stamp}-1`, { dryRun: true });
    const cpu = (ms: number | null) => (ms === null ? 'n/a' : `${seconds(ms)} s`);
    const row = (label: string, m: { ms: number; cpuMs: number | null; nodeMs: number }, detail: string) =>
      console.log(`| ${label.padEnd(36)} | ${seconds(m.ms).padStart(7)} s | ${cpu(m.cpuMs).padStart(7)} | ${seconds(m.nodeMs).padStart(6)} s | ${detail}`);
    console.log(`| ${'what'.padEnd(36)} | ${'wall'.padStart(9)} | ${'CPU'.padStart(7)} | ${'of it Node'.padStart(8)} | result`);
    hand.forEach((h, i) => row(`hand-written INSERT … SELECT (${i + 1})`, h, `${h.value} grants`));
    const runRow = (label: string, r: (typeof parallel)[number]) =>
      row(label, r, `${r.value.granted} grants of ${r.value.eligible} eligible, ${r.value.evaluated} evaluated, ${r.value.chunksTotal} chunks`);
    sequential.forEach((r, i) => runRow(`real run, 1 lane (${i + 1})`, r));
    parallel.forEach((r, i) => runRow(`real run, ${DEFAULT_PARALLELISM} lanes (${i + 1})`, r));
    row('re-run (everything already granted)', rerun, `${rerun.value.granted} grants, ${rerun.value.skippedExisting} skipped as already granted`);
    row('dry run (counts only)', dry, `${dry.value.eligible} eligible, ${dry.value.skippedExisting} already granted`);
    const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const wall = (runs: Array<{ ms: number }>) => median(runs.map((r) => r.ms));
    const cpuOf = (runs: Array<{ cpuMs: number | null }>) => (runs.every((r) => r.cpuMs !== null) ? median(runs.map((r) => r.cpuMs!)) : NaN);
    console.log('\nratios to the hand-written statement (medians; target ≤ 1.5):');
    for (const [label, runs] of [[`${DEFAULT_PARALLELISM} lanes (the default)`, parallel], ['1 lane', sequential]] as const) {
      console.log(`  real run, ${label}: wall clock ${(wall(runs) / wall(hand)).toFixed(2)}, CPU ${(cpuOf(runs) / cpuOf(hand)).toFixed(2)}`);
    }
    if ([...sequential, ...parallel].some((r) => r.value.granted !== hand[0].value) || dry.value.eligible !== parallel[0].value.eligible) {
      throw new Error('The real runs and the hand-written statement granted different numbers');
    }
    console.log(`load average during the runs: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  } finally {
    await system?.close();
    if (!reused) await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
