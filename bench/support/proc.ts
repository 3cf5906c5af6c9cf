import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc counts CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** utime + stime of a /proc/<pid>/stat line, in ms (the command name may hold spaces and parentheses). */
export function cpuMsOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU ms a process has used so far, or null once it is gone. */
export function processCpuMs(pid: number): number | null {
  try {
    return cpuMsOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

export function rssMiB(pid: number): number | null {
  try {
    const kib = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kib === undefined ? null : Number(kib) / 1024;
  } catch {
    return null;
  }
}

/**
 * The database a PostgreSQL backend serves, from the title it sets as its command line:
 * `postgres: <user> <database> <client> <state>`, with the cluster's name after `postgres:` when it has
 * one (Debian: `postgres: 15/main: root test 127.0.0.1(40562) idle`). Null for other processes.
 */
export function backendDatabase(title: string): string | null {
  const match = /^postgres: (?:\S+: )?(\S+) (\S+) \S+\(\d+\)/.exec(title) ?? /^postgres: (?:\S+: )?(\S+) (\S+) \[local\]/.exec(title);
  return match ? match[2]! : null;
}

/** CPU ms of every backend of one database, by pid (PostgreSQL runs on this machine). */
export function backendCpu(database: string): Map<number, number> {
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let title: string;
    try {
      title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (backendDatabase(title) !== database) continue;
    const ms = processCpuMs(Number(entry));
    if (ms !== null) cpu.set(Number(entry), ms);
  }
  return cpu;
}

/**
 * CPU used between two readings of a set of processes; one that started in between counts from zero.
 * One that ended in between is lost: its last slice is not counted.
 */
export function cpuBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}
