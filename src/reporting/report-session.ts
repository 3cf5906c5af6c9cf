import type { EntityManager } from 'typeorm';

/**
 * Settings for one report or scan transaction. The statements carry the calendar as array constants of
 * ~1,500 elements: PostgreSQL's JIT then spends seconds compiling what runs in milliseconds (measured at
 * 1,000,000 cases: 5 s of JIT for 1.5 s of work). Percentile sorts of a year of cases fit in 64 MB; the
 * default 4 MB spills them to disk. SET LOCAL ends with the transaction.
 */
export async function reportSession(manager: EntityManager): Promise<void> {
  await manager.query(`SET LOCAL jit = off`);
  await manager.query(`SET LOCAL work_mem = '64MB'`);
}
