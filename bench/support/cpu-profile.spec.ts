import { describe, expect, it } from 'vitest';
import { packageOf, selfTimeTable, summariseProfile, type CpuProfile } from './cpu-profile.js';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 5] },
    { id: 2, callFrame: frame('(idle)') },
    { id: 3, callFrame: frame('writev') },
    { id: 4, callFrame: frame('escapeQueryWithParameters', 'file:///w/node_modules/typeorm/driver/postgres/PostgresDriver.js', 9) },
    { id: 5, callFrame: frame('step', 'file:///w/dist/src/cases/case-engine.service.js', 99) },
  ],
  startTime: 1_000_000,
  // Samples at +1 ms, +3 ms, +6 ms, +10 ms; the profile ends at +11 ms.
  samples: [2, 3, 4, 5],
  timeDeltas: [1000, 2000, 3000, 4000],
  endTime: 1_011_000,
};

describe('CPU profile summaries', () => {
  const summary = summariseProfile(PROFILE);

  it('give each sample the time until the next, and the last the time until the end', () => {
    expect(summary.byFunction.map((f) => [f.name, f.ms])).toEqual([
      ['escapeQueryWithParameters typeorm/driver/postgres/PostgresDriver.js:10', 4],
      ['writev', 3],
      ['(idle)', 2],
      ['step src/cases/case-engine.service.js:100', 1],
    ]);
    expect(summary.totalMs).toBe(10);
    expect(summary.busyMs).toBe(8);
  });

  it('group self time by package', () => {
    expect(Object.fromEntries(summary.byPackage.map((p) => [p.name, p.ms]))).toEqual({ typeorm: 4, '(native)': 3, '(idle)': 2, '(app)': 1 });
  });

  it('know scoped packages, Node itself and V8 pseudo-frames', () => {
    expect(packageOf('file:///w/node_modules/a/node_modules/@nestjs/core/router/x.js', 'f')).toBe('@nestjs/core');
    expect(packageOf('node:internal/stream_base_commons', 'writeGeneric')).toBe('(node)');
    expect(packageOf('', '(garbage collector)')).toBe('(garbage collector)');
  });

  it('print shares of the busy time, idle left out', () => {
    expect(selfTimeTable('package', summary.byPackage, summary.busyMs, 2)).toBe(['| package | self ms | of busy |', '|---|---:|---:|', '| typeorm | 4 | 50.0 % |', '| (native) | 3 | 37.5 % |'].join('\n'));
  });

  it('keep only the samples taken within the windows asked for', () => {
    const within = summariseProfile(PROFILE, [[1_002_000, 1_004_000], [1_009_000, 1_020_000]]);
    expect(within.byFunction.map((f) => [f.name, f.ms])).toEqual([
      ['writev', 3],
      ['step src/cases/case-engine.service.js:100', 1],
    ]);
    expect(within.totalMs).toBe(4);
  });
});
