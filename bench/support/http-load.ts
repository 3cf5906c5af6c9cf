import { setMaxListeners } from 'node:events';
import { HttpClient } from './http-client.js';
import { dueCount, intendedSendMs, scheduledTotal, summarise, type LatencySummary } from './latency.js';

export interface LoadTarget {
  baseUrl: string;
  path: string;
  token: string;
  connections: number;
}

export interface ClosedLoopResult {
  requests: number;
  errors: number;
  perSecond: number;
  latency: LatencySummary;
  /** CPU this process spent generating the load, per request. */
  clientCpuMsPerRequest: number;
}

/** As many requests as `connections` keep-alive connections carry, each sent when the previous answer arrived. */
export async function closedLoop(target: LoadTarget, durationMs: number, warmupMs: number): Promise<ClosedLoopResult> {
  const client = new HttpClient(target.baseUrl, target.connections);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const measureFrom = started + warmupMs;
  const end = measureFrom + durationMs;
  let cpu: NodeJS.CpuUsage | null = null;
  const connection = async () => {
    for (;;) {
      const sent = performance.now();
      if (sent >= end) return;
      if (sent >= measureFrom) cpu ??= process.cpuUsage();
      const reply = await client.send('GET', target.path, { token: target.token, discard: true });
      if (sent < measureFrom) continue;
      latencies.push(performance.now() - sent);
      if (reply.status !== 200) errors += 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: target.connections }, connection));
  } finally {
    client.close();
  }
  const used = process.cpuUsage(cpu ?? undefined);
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / (durationMs / 1000),
    latency: summarise(latencies),
    clientCpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, latencies.length),
  };
}

export interface OpenLoopResult {
  scheduled: number;
  completed: number;
  errors: number;
  /** Requests still unanswered `graceMs` after the last was due; their latency counts up to then. */
  unanswered: number;
  /** From each request's intended send time, not from when a free connection let it go. */
  latency: LatencySummary;
  achievedPerSecond: number;
}

/**
 * A constant arrival rate (open loop, like wrk2): request i is due at start + i / rate whether or not the
 * earlier ones were answered, and its latency counts from then, so a stall delays every request behind it
 * in the measurement as it would for real users (no coordinated omission).
 */
export async function openLoop(target: LoadTarget, ratePerSecond: number, durationMs: number, graceMs: number): Promise<OpenLoopResult> {
  const client = new HttpClient(target.baseUrl, target.connections);
  // Requests still waiting for a connection at the deadline would otherwise be sent later, into the next measurement.
  const cancel = new AbortController();
  setMaxListeners(Infinity, cancel.signal);
  const total = scheduledTotal(durationMs, ratePerSecond);
  const latencies = new Float64Array(total).fill(NaN);
  let errors = 0;
  let completed = 0;
  let lastAnswer = 0;
  const start = performance.now();
  let allAnswered: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (allAnswered = resolve));
  const fire = (index: number) => {
    const intended = start + intendedSendMs(index, ratePerSecond);
    const done = (ok: boolean) => {
      lastAnswer = performance.now();
      latencies[index] = lastAnswer - intended;
      if (!ok) errors += 1;
      if (++completed === total) allAnswered();
    };
    client.send('GET', target.path, { token: target.token, discard: true, signal: cancel.signal }).then(
      (reply) => done(reply.status === 200),
      () => {
        if (!cancel.signal.aborted) done(false);
      },
    );
  };
  let sent = 0;
  const tick = () => {
    const due = dueCount(performance.now() - start, ratePerSecond, total);
    while (sent < due) fire(sent++);
    if (sent < total) setTimeout(tick, 1);
  };
  tick();
  const deadline = start + durationMs + graceMs;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([answered, new Promise((resolve) => (timer = setTimeout(resolve, deadline - performance.now())))]);
  clearTimeout(timer);
  cancel.abort();
  client.close();
  let unanswered = 0;
  for (let i = 0; i < total; i++) {
    if (!Number.isNaN(latencies[i]!)) continue;
    unanswered += 1;
    latencies[i] = deadline - (start + intendedSendMs(i, ratePerSecond));
  }
  return {
    scheduled: total,
    completed,
    errors,
    unanswered,
    latency: summarise(latencies),
    achievedPerSecond: completed / ((Math.max(lastAnswer, start + 1) - start) / 1000),
  };
}
