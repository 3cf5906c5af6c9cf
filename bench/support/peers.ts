import { spawn } from 'node:child_process';
import { Engine, type BpmnEngineOptions } from 'bpmn-engine';
import { Queue, Worker } from 'bullmq';

/** Runs a command to its end; answers what it printed, or fails with it. */
function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`))));
  });
}

function connectionArgs(url: URL): string[] {
  return ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres')];
}

/** `pgbench -i -s <scale>` into a database of its own (created by the caller). */
export async function initPgbench(databaseUrl: URL, scale: number): Promise<void> {
  await run('pgbench', ['-i', '-q', '-s', String(scale), ...connectionArgs(databaseUrl), databaseUrl.pathname.slice(1)]);
}

/** `pgbench -c 8 -j 2 -T <seconds> -N`: the simple-update TPC-B-like transaction; answers tps. */
export async function runPgbench(databaseUrl: URL, seconds: number): Promise<number> {
  const output = await run('pgbench', ['-c', '8', '-j', '2', '-T', String(seconds), '-N', ...connectionArgs(databaseUrl), databaseUrl.pathname.slice(1)]);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1];
  if (!tps) throw new Error(`no tps in pgbench's output:\n${output}`);
  return Number(tps);
}

export interface QueuePeerResult {
  jobs: number;
  addedPerSecond: number;
  processedPerSecond: number;
}

/**
 * Raw BullMQ on the same Redis: `jobs` trivial jobs added in bulk, then one worker at `concurrency`
 * processing them; the queue's keys are removed afterwards.
 */
export async function bullmqJobsPerSecond(redisUrl: string, prefix: string, jobs: number, concurrency: number): Promise<QueuePeerResult> {
  const url = new URL(redisUrl);
  const connection = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
  const name = 'peer';
  const queue = new Queue(name, { connection, prefix });
  try {
    const addStart = performance.now();
    for (let added = 0; added < jobs; added += 1000) {
      await queue.addBulk(Array.from({ length: Math.min(1000, jobs - added) }, (_, i) => ({ name: 'trivial', data: { n: added + i } })));
    }
    const addMs = performance.now() - addStart;
    let processed = 0;
    let finished: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const processStart = performance.now();
    const worker = new Worker(name, async () => undefined, { connection, prefix, concurrency });
    worker.on('completed', () => {
      if (++processed === jobs) finished();
    });
    await done;
    const processMs = performance.now() - processStart;
    await worker.close();
    return { jobs, addedPerSecond: (jobs / addMs) * 1000, processedPerSecond: (jobs / processMs) * 1000 };
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

const BPMN_TASKS = ['submit', 'evaluateRule', 'issueLicence', 'notify'];

/** start → four service tasks in sequence → end: the shape of a 秒批 case (submit, rule, licence, notice). */
const BPMN_SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="bench-instant" targetNamespace="http://bench.ywtb">
  <process id="instant" isExecutable="true">
    <startEvent id="start" />
    ${BPMN_TASKS.map((task) => `<serviceTask id="${task}" implementation="\${environment.services.${task}}" />`).join('\n    ')}
    <endEvent id="end" />
    ${['start', ...BPMN_TASKS].map((from, i) => `<sequenceFlow id="flow${i}" sourceRef="${from}" targetRef="${[...BPMN_TASKS, 'end'][i]}" />`).join('\n    ')}
  </process>
</definitions>`;

/**
 * bpmn-engine running that process in memory: instances per second with `lanes` running at once. The
 * definition is parsed once and its serialized context reused, as a deployed definition would be (parsing
 * the XML per instance would cost ~200 ms each and measure bpmn-moddle instead).
 */
export async function bpmnInstancesPerSecond(durationMs: number, lanes: number): Promise<{ instances: number; perSecond: number }> {
  const [definition] = await new Engine({ name: 'parse', source: BPMN_SOURCE }).getDefinitions();
  const sourceContext = (definition!.environment.options as { source: BpmnEngineOptions['sourceContext'] }).source;
  const services = Object.fromEntries(BPMN_TASKS.map((task) => [task, (_context: unknown, next: (error: Error | null, result?: unknown) => void) => next(null, true)]));
  const once = async () => {
    const engine = new Engine({ name: 'instance', sourceContext, services });
    const ended = engine.waitFor('end');
    await engine.execute();
    await ended;
  };
  // Warm the code paths before timing.
  for (let i = 0; i < 20; i++) await once();
  let instances = 0;
  const start = performance.now();
  const lane = async () => {
    while (performance.now() - start < durationMs) {
      await once();
      instances += 1;
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return { instances, perSecond: (instances / (performance.now() - start)) * 1000 };
}
