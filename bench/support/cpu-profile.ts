/** Self time of a V8 CPU profile (`node --cpu-prof`), by function and by package. Pure. */

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples: number[];
  /** Microseconds since the previous sample (the first: since startTime). */
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  /** Of the profile's whole time, idle included. */
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Time not spent idle. */
  busyMs: number;
  byFunction: SelfTime[];
  byPackage: SelfTime[];
}

/** The npm package a script belongs to; `(app)` for ours, `(node)` for Node's own; V8's pseudo-frames by their names. */
export function packageOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return '(node)';
  const at = url.lastIndexOf('/node_modules/');
  if (at < 0) return '(app)';
  const [first, second] = url.slice(at + '/node_modules/'.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : (first ?? '(unknown)');
}

export function functionLabel(url: string, functionName: string, lineNumber: number): string {
  const name = functionName || '(anonymous)';
  if (url === '') return name;
  const file = url.includes('/node_modules/') ? url.slice(url.lastIndexOf('/node_modules/') + '/node_modules/'.length) : url.replace(/^.*\/dist\//, '').replace(/^file:\/\//, '');
  return `${name} ${file}:${lineNumber + 1}`;
}

export const ranked = (totals: Map<string, number>, totalMs: number): SelfTime[] =>
  [...totals.entries()].map(([name, ms]) => ({ name, ms, share: totalMs > 0 ? ms / totalMs : 0 })).sort((a, b) => b.ms - a.ms);

/**
 * Self time of the samples taken within `windows` (µs on the profile's clock, which on Linux is
 * CLOCK_MONOTONIC like `process.hrtime` of any process), or of all of them.
 */
export function summariseProfile(profile: CpuProfile, windows?: readonly (readonly [number, number])[]): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  // Sample i lasts until the next one is taken; the last one until the profile ends.
  const durations: number[] = [];
  let at = profile.startTime;
  const times = profile.timeDeltas.map((delta) => (at += delta));
  for (let i = 0; i < profile.samples.length; i++) durations.push(((i + 1 < times.length ? times[i + 1]! : profile.endTime) - times[i]!) / 1000);

  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  profile.samples.forEach((id, i) => {
    if (windows && !windows.some(([from, to]) => times[i]! >= from && times[i]! < to)) return;
    const frame = nodes.get(id)?.callFrame;
    const ms = Math.max(0, durations[i]!);
    totalMs += ms;
    if (!frame) return;
    if (frame.functionName === '(idle)') idleMs += ms;
    const label = functionLabel(frame.url, frame.functionName, frame.lineNumber);
    const pkg = packageOf(frame.url, frame.functionName);
    byFunction.set(label, (byFunction.get(label) ?? 0) + ms);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
  });
  return { totalMs, busyMs: totalMs - idleMs, byFunction: ranked(byFunction, totalMs), byPackage: ranked(byPackage, totalMs) };
}

/** A Markdown table of the first `limit` rows, shares of the busy time. */
export function selfTimeTable(title: string, rows: readonly SelfTime[], busyMs: number, limit: number): string {
  const lines = [`| ${title} | self ms | of busy |`, '|---|---:|---:|'];
  for (const row of rows.filter((r) => r.name !== '(idle)').slice(0, limit)) {
    lines.push(`| ${row.name.replace(/\|/g, '\\|')} | ${row.ms.toFixed(0)} | ${((row.ms / busyMs) * 100).toFixed(1)} % |`);
  }
  return lines.join('\n');
}
