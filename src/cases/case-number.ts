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

/** `2201-SC-0001` -> `SC0001`; a bundle `open-restaurant` -> `OPENRESTAURANT` (the region prefix carries nothing). */
export function caseNumberScope(serviceItemCode: string | null, bundleCode: string | null): string {
  if (serviceItemCode) return serviceItemCode.replace(/^\d{4}-/, '').replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return `B${(bundleCode ?? 'X').replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`;
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
