import type { EntityManager } from 'typeorm';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last case number handed out per year and item (or bundle). */
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

/** Takes the next number inside the caller's transaction; the row lock serialises concurrent submissions. */
export async function nextCaseNo(manager: EntityManager, year: number, scope: string): Promise<string> {
  const [row] = (await manager.query(
    `INSERT INTO case_number_counter (year, scope, last) VALUES ($1, $2, 1)
     ON CONFLICT (year, scope) DO UPDATE SET last = case_number_counter.last + 1
     RETURNING last`,
    [year, scope],
  )) as { last: number }[];
  return formatCaseNo(year, scope, row!.last);
}
