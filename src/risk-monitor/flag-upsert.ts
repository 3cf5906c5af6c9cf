import { SqlParams } from '../reporting/sql-params.js';
import type { DetectionWindow } from './detection-window.js';
import { candidatesCte, type Family } from './detectors.js';
import { FLAG_KINDS, type FlagKind } from './flag-kinds.js';

/**
 * One statement per family that makes the stored flags of the chosen kinds match what its pass finds at
 * `w.asOf`:
 * - a candidate without an unresolved flag, and not resolved by hand, gets one (its facts are completed
 *   only now, for the few new ones); ON CONFLICT on the one-open-flag-per-target index keeps a racing
 *   insert from doubling it;
 * - for kinds that clear, unresolved flags no longer among the candidates are resolved as `cleared`.
 * With `caseId`, both halves are limited to that case's flags.
 */
export function upsertFlagsStatement(family: Family, kinds: readonly FlagKind[], w: DetectionWindow, caseId: string | null): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const candidates = candidatesCte(family, kinds, p, w, caseId);
  const now = `${p.add(w.asOf)}::timestamptz`;
  const severity = `CASE c.kind ${kinds.map((kind) => `WHEN '${kind}' THEN '${FLAG_KINDS[kind].severity}'`).join(' ')} END`;
  const clearing = kinds.filter((kind) => FLAG_KINDS[kind].clears);
  const clear =
    clearing.length > 0
      ? `, cleared AS (
         UPDATE risk_flag f SET status = 'resolved', resolution = 'cleared', resolved_at = ${now}
          WHERE f.kind = ANY(${p.add(clearing)}::text[]) AND f.status <> 'resolved'${caseId === null ? '' : ` AND f.case_id = ${p.add(caseId)}::uuid`}
            AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.kind = f.kind AND c.target_key = f.target_key)
         RETURNING f.id)`
      : '';
  // Targets that must not get a new flag: an unresolved flag, or one a supervisor resolved by hand. For a
  // full scan they are read once, before the insert: planned on statistics that still say "no flags" (the
  // first scan of a backlog), a per-candidate probe of risk_flag became a sequential scan that also walked
  // the rows this statement had just inserted, and grew with the square of the new flags (14 s for 76,000).
  const kept = `(f.status <> 'resolved' OR f.resolution = 'manual')`;
  const known =
    caseId === null
      ? `, known AS MATERIALIZED (SELECT f.kind, f.target_key FROM risk_flag f WHERE f.kind = ANY(${p.add(kinds)}::text[]) AND ${kept})`
      : '';
  const unknown =
    caseId === null
      ? `NOT EXISTS (SELECT 1 FROM known k WHERE k.kind = c.kind AND k.target_key = c.target_key)`
      : `NOT EXISTS (SELECT 1 FROM risk_flag f WHERE f.kind = c.kind AND f.target_key = c.target_key AND ${kept})`;
  const sql = `${candidates}${known},
    inserted AS (
      INSERT INTO risk_flag (kind, severity, target_key, case_id, task_id, department_code, facts, detected_at)
      SELECT c.kind, ${severity}, c.target_key, c.case_id, c.task_id, c.department_code, ${family.enrich?.('c') ?? 'c.facts'}, ${now}
        FROM candidates c
       WHERE ${unknown}
      ON CONFLICT (kind, target_key) WHERE status <> 'resolved' DO NOTHING
      RETURNING id)${clear}
    SELECT (SELECT count(*) FROM inserted)::int AS flagged, ${clear ? '(SELECT count(*) FROM cleared)' : '0'}::int AS resolved`;
  return { sql, params: p.values };
}
