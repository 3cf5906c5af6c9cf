import { describe, expect, it } from 'vitest';
import { backendDatabase, cpuBetween, cpuMsOfStat, processCpuMs } from './proc.js';

describe('/proc readings', () => {
  it('take utime and stime, whatever the command name holds', () => {
    // Fields 14 and 15 (1-based) are utime and stime, in ticks of 10 ms.
    const stat = '4242 (node (dist) x) S 1 4242 4242 0 -1 4194304 1234 0 0 0 250 75 0 0 20 0 11 0 999 1000000 5000';
    expect(cpuMsOfStat(stat)).toBe(3250);
  });

  it('read this process', () => {
    expect(processCpuMs(process.pid)).toBeGreaterThan(0);
    expect(processCpuMs(2 ** 22 + 1)).toBeNull();
  });

  it('count processes that started between the readings from zero', () => {
    expect(cpuBetween(new Map([[1, 100], [2, 50]]), new Map([[1, 160], [3, 40]]))).toBe(100);
  });

  it("tell a backend's database from its title, with or without the cluster's name", () => {
    expect(backendDatabase('postgres: 15/main: root ywtb_bench 127.0.0.1(37876) idle          ')).toBe('ywtb_bench');
    expect(backendDatabase('postgres: root ywtb_bench 127.0.0.1(37876) idle in transaction')).toBe('ywtb_bench');
    expect(backendDatabase('postgres: app test [local] SELECT')).toBe('test');
    expect(backendDatabase('postgres: 15/main: walwriter ')).toBeNull();
    expect(backendDatabase('postgres: 15/main: autovacuum worker ywtb_bench')).toBeNull();
    expect(backendDatabase('node dist/src/main.js')).toBeNull();
  });
});
