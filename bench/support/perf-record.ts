import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { functionLabel, packageOf, ranked, type ProfileSummary } from './cpu-profile.js';

/**
 * Linux `perf` sampling one process on CPU time (the software cpu-clock event, which works where hardware
 * counters do not), kernel included. Unlike V8's profiler, which samples wall-clock time and charges a
 * thread that was preempted to whatever it was running, this counts only time actually on a CPU: on a
 * busy two-core machine the two differ by a factor of three. Start the process with `--perf-basic-prof
 * --interpreted-frames-native-stack` so JavaScript frames have names.
 */
export function recordCpu(pid: number, output: string): () => Promise<void> {
  const perf = spawn('perf', ['record', '-e', 'cpu-clock', '-F', '499', '-g', '-p', String(pid), '-o', output], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => perf.once('exit', () => resolve()));
  return async () => {
    perf.kill('SIGINT');
    await exited;
  };
}

/** `perf report` of self time by binary or library (`[kernel.kallsyms]` is the kernel). */
export async function cpuReport(input: string, lines: number): Promise<string> {
  const { stdout } = await promisify(execFile)('perf', ['report', '-i', input, '--stdio', '--no-children', '--sort', 'dso', '--percent-limit', '0.3', '-g', 'none'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .slice(0, lines)
    .join('\n');
}

interface Frame {
  symbol: string;
  dso: string;
}

/** Samples of `perf script` output: each a header line, then its frames innermost first. */
function samplesOf(script: string): { periodNs: number; frames: Frame[] }[] {
  const samples: { periodNs: number; frames: Frame[] }[] = [];
  for (const line of script.split('\n')) {
    if (line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      samples.push({ periodNs: Number(/\s(\d+) cpu-clock/.exec(line)?.[1] ?? 0), frames: [] });
      continue;
    }
    const frame = /^\s*[0-9a-f]+ (.*?)(?:\+0x[0-9a-f]+)? \((.*)\)$/.exec(line);
    if (frame && samples.length > 0) samples[samples.length - 1]!.frames.push({ symbol: frame[1]!, dso: frame[2]! });
  }
  return samples;
}

/** What ran when no JavaScript was on the stack. */
function outsideJs(frames: readonly Frame[]): string {
  const symbols = frames.map((f) => f.symbol).join(' ');
  if (/Scavenger|MarkCompact|Heap::|GCTracer|Sweeper|ConcurrentMarking/.test(symbols)) return '(garbage collector)';
  if (/compiler::|Compiler::|Maglev|Baseline/.test(symbols)) return '(V8 compiler)';
  if (frames[0]?.dso.includes('kernel')) return '(kernel, outside JavaScript)';
  return '(native, outside JavaScript)';
}

/** `JS:*query /srv/node_modules/typeorm/x.js:185:16` -> the function's name and where it is. */
function jsFrame(symbol: string): { name: string; url: string; line: number } | null {
  const match = /^JS:[*~^+-]?(\S*) (.+):(\d+):\d+$/.exec(symbol);
  return match ? { name: match[1]!, url: match[2]!, line: Number(match[3]) - 1 } : null;
}

/**
 * CPU time by the innermost JavaScript function on the stack and by its package: what V8 and the kernel
 * did on a function's behalf (property lookups, allocation, a socket write) is charged to it.
 */
export function summarisePerfScript(script: string): ProfileSummary {
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let totalMs = 0;
  for (const { periodNs, frames } of samplesOf(script)) {
    const ms = periodNs / 1e6;
    totalMs += ms;
    const js = frames.map((f) => jsFrame(f.symbol)).find((f) => f !== null);
    const pkg = js ? packageOf(js.url.startsWith('node:') ? js.url : `file://${js.url}`, js.name) : outsideJs(frames);
    const label = js ? functionLabel(js.url, js.name, js.line) : pkg;
    byFunction.set(label, (byFunction.get(label) ?? 0) + ms);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
  }
  return { totalMs, busyMs: totalMs, byFunction: ranked(byFunction, totalMs), byPackage: ranked(byPackage, totalMs) };
}

/** The samples as text, JavaScript frames named through the process's /tmp/perf-<pid>.map. */
export async function perfScript(input: string): Promise<string> {
  const { stdout } = await promisify(execFile)('perf', ['script', '-i', input, '-F', 'comm,pid,time,period,event,ip,sym,dso'], { maxBuffer: 1024 * 1024 * 1024 });
  return stdout;
}
