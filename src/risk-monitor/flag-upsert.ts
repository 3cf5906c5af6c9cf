import { SqlParams } from '../analytics/sql-params.js';
import type { DetectionWindow } from './detection-window.js';
import { DETECTORS } from './detectors.js';
import { FLAG_KINDS, type FlagKind } from './flag-kinds.js';

/**
 * One statement per kind that makes the stored flags match what the detector finds at `w.asOf`:
 * - new targets get a flag (ON CONFLICT on the one-open-flag-per-target index: a repeat inserts nothing),
 *   except targets a supervisor resolved by hand: that resolution stands for the episode;
 * - for kinds that clear, unresolved flags whose target is no longer found are resolved as `cleared`.
 * With `caseId`, both halves are limited to that case's flags.
 */
export function upsertFlagsStatement(kind: FlagKind, w: DetectionWindow, caseId: string | null): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const candidates = DETECTORS[kind](p, w, caseId);
  const k = `${p.add(kind)}::text`;
  const now = `${p.add(w.asOf)}::timestamptz`;
  const clear = FLAG_KINDS[kind].clears
    ? `, cleared AS (
         UPDATE risk_flag f SET status = 'resolved', resolution = 'cleared', resolved_at = ${now}
          WHERE f.kind = ${k} AND f.status <> 'resolved'${caseId === null ? '' : ` AND f.case_id = ${p.add(caseId)}::uuid`}
            AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.target_key = f.target_key)
         RETURNING f.id)`
    : '';
  const sql = `WITH candidates AS MATERIALIZED (${candidates}),
    inserted AS (
      INSERT INTO risk_flag (kind, severity, target_key, case_id, task_id, department_code, facts, detected_at)
      SELECT ${k}, ${p.add(FLAG_KINDS[kind].severity)}::text, c.target_key, c.case_id, c.task_id, c.department_code, c.facts, ${now}
        FROM candidates c
       WHERE NOT EXISTS (SELECT 1 FROM risk_flag f WHERE f.kind = ${k} AND f.target_key = c.target_key AND f.resolution = 'manual')
      ON CONFLICT (kind, target_key) WHERE status <> 'resolved' DO NOTHING
      RETURNING id)${clear}
    SELECT (SELECT count(*) FROM inserted)::int AS flagged, ${clear ? '(SELECT count(*) FROM cleared)' : '0'}::int AS resolved`;
  return { sql, params: p.values };
}
