import { createHash } from 'node:crypto';

const key = (name: string) => createHash('sha256').update(`ywtb bench ${name}`).digest('hex');

/**
 * The keys of the benchmarks' throwaway databases (synthetic people only). Fixed, so a database kept with
 * BENCH_DATABASE opens again in the next run; never for real data.
 */
export const BENCH_KEYS = { DATA_KEY: key('data key'), HISTORY_KEY: key('history key'), HISTORY_SIGNING_KEY: key('history signing key') };
