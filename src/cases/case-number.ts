import type { EntityManager } from 'typeorm';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last case number handed out per year and item (or bundle), before numbers came from sequences (nextCaseNo). */
@Entity({ name: 'case_number_counter' })
export class CaseNumberCounter {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @PrimaryColumn({ type: 'text' })
  scope: string;

  @Column({ type: 'integer' })
  last: number;
}

/** Every bundle (一件事) shares one short scope: its children carry their items' numbers. */
export const BUNDLE_SCOPE = 'YJS';

/**
 * `2201-SC-0001` -> `SC0001` (the region prefix carries nothing); any bundle -> `YJS`, so that a bundle's
 * number is as short and regular as an item's (`NG2026-YJS-000001`), whatever its code. An item's scope
 * always ends in digits, so it never meets the bundles' one.
 */
export function caseNumberScope(serviceItemCode: string | null, _bundleCode: string | null): string {
  if (serviceItemCode) return serviceItemCode.replace(/^\d{4}-/, '').replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return BUNDLE_SCOPE;
}

/** Readable, unique numbers like `NG2026-SC0001-000123` (南关, year, item, sequence). */
export function formatCaseNo(year: number, scope: string, sequence: number): string {
  return `NG${year}-${scope}-${String(sequence).padStart(6, '0')}`;
}

/** The sequence that numbers the cases of one year and scope (a scope is `[A-Z0-9]+`, see caseNumberScope). */
export function caseNumberSequence(year: number, scope: string): string {
  if (!Number.isInteger(year) || !/^[A-Z0-9]+$/.test(scope)) throw new Error(`No case number sequence for ${year}/${scope}`);
  return `case_no_${year}_${scope.toLowerCase()}`;
}

/** Sequences seen to exist, per database (they are never dropped). */
const knownSequences = new WeakMap<object, Set<string>>();

/**
 * Takes the next number of (year, scope) from a PostgreSQL sequence: unique and increasing, and taken
 * without a lock, so concurrent submissions of one item never wait for each other (a counter row updated
 * in the submission's transaction made each wait for the previous one's commit). A submission that rolls
 * back leaves a gap. The sequence of a new year or item is made on its first use, inside the caller's
 * transaction, continuing from `case_number_counter` (where numbers were kept before).
 */
export async function nextCaseNo(manager: EntityManager, year: number, scope: string): Promise<string> {
  const sequence = caseNumberSequence(year, scope);
  let known = knownSequences.get(manager.connection);
  if (!known) knownSequences.set(manager.connection, (known = new Set()));
  if (!known.has(sequence)) await ensureSequence(manager, year, scope, sequence, known);
  const [row] = (await manager.query(`SELECT nextval($1::regclass)::int AS last`, [sequence])) as { last: number }[];
  return formatCaseNo(year, scope, row!.last);
}

async function ensureSequence(manager: EntityManager, year: number, scope: string, sequence: string, known: Set<string>): Promise<void> {
  const [found] = (await manager.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [sequence])) as { exists: boolean }[];
  // Only a sequence that was there before this transaction is known for good: one made here is gone if it rolls back.
  if (found!.exists) known.add(sequence);
  else {
    const [counter] = (await manager.query(`SELECT last FROM case_number_counter WHERE year = $1 AND scope = $2`, [year, scope])) as { last: number }[];
    const start = (counter?.last ?? 0) + 1;
    // Two first submissions at once: the second waits for the first's commit and then finds the name
    // taken; its savepoint keeps its own transaction alive, and it uses the sequence the first made.
    await manager.query('SAVEPOINT case_no_sequence');
    try {
      await manager.query(`CREATE SEQUENCE IF NOT EXISTS "${sequence}" AS integer START WITH ${start} NO CYCLE`);
      await manager.query('RELEASE SAVEPOINT case_no_sequence');
    } catch (error) {
      const code = (error as { code?: string; driverError?: { code?: string } }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
      if (code !== '23505' && code !== '42P07') throw error;
      await manager.query('ROLLBACK TO SAVEPOINT case_no_sequence');
    }
  }
}
