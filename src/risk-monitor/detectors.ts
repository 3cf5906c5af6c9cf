import { DECIDED_STATUSES } from '../analytics/analytics.service.js';
import type { SqlParams } from '../analytics/sql-params.js';
import { WorkingTimeSql } from '../analytics/working-time-sql.js';
import { FAST_PERCENTILE, type DetectionWindow } from './detection-window.js';
import type { FlagKind } from './flag-kinds.js';

/** A candidate flag as every detector returns it. */
export interface CandidateRow {
  target_key: string;
  case_id: string | null;
  task_id: string | null;
  department_code: string | null;
  facts: Record<string, unknown>;
}

/**
 * One SELECT per kind, answering CandidateRow columns. Each is a set-based query on indexed columns
 * (the open-case deadline indexes, the task queue, failed_job); `caseId` narrows it to one case for the
 * event-driven check. The same text serves the forecast (read only) and the scan (inside its upsert).
 */
export type Detector = (p: SqlParams, w: DetectionWindow, caseId: string | null) => string;

/** Times in facts are ISO instants in UTC, as the API writes them. */
const iso = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const only = (column: string, p: SqlParams, caseId: string | null) => (caseId === null ? '' : ` AND ${column} = ${p.add(caseId)}::uuid`);

/** Both deadlines of open cases whose clock runs; a paused clock's stored deadlines are stale and never go red. */
function caseDeadlines(condition: (column: string, p: SqlParams, w: DetectionWindow) => string): Detector {
  return (p, w, caseId) =>
    (['promised', 'statutory'] as const)
      .map((which) => {
        const column = `c.${which}_deadline`;
        return `SELECT 'case:' || c.id || ':${which}:' || ${iso(column)} AS target_key, c.id AS case_id, NULL::text AS task_id, c.department_code,
                       jsonb_build_object('caseNo', c.case_no, 'serviceItemCode', c.service_item_code, 'deadline', '${which}', 'dueAt', ${iso(column)}) AS facts
                  FROM case_record c
                 WHERE c.finished_at IS NULL AND NOT c.clock_paused AND ${condition(column, p, w)}${only('c.id', p, caseId)}`;
      })
      .join('\nUNION ALL\n');
}

/** Steps' own due dates: open or claimed tasks. */
function taskDeadlines(condition: (column: string, p: SqlParams, w: DetectionWindow) => string): Detector {
  return (p, w, caseId) =>
    `SELECT 'task:' || t.id || ':' || ${iso('t.due_at')} AS target_key, t.case_id, t.id AS task_id, t.department_code,
            jsonb_build_object('caseNo', c.case_no, 'stepId', t.step_id, 'dueAt', ${iso('t.due_at')}, 'claimedBy', t.claimed_by) AS facts
       FROM case_task t JOIN case_record c ON c.id = t.case_id
      WHERE t.status IN ('open', 'claimed') AND ${condition('t.due_at', p, w)}${only('t.case_id', p, caseId)}`;
}

const approaching = (column: string, p: SqlParams, w: DetectionWindow) => `${column} > ${p.add(w.asOf)} AND ${column} <= ${p.add(w.yellowCutoff)}`;
const overdue = (column: string, p: SqlParams, w: DetectionWindow) => `${column} <= ${p.add(w.asOf)}`;

export const DETECTORS: Record<FlagKind, Detector> = {
  case_deadline_approaching: caseDeadlines(approaching),
  case_overdue: caseDeadlines(overdue),
  task_deadline_approaching: taskDeadlines(approaching),
  task_overdue: taskDeadlines(overdue),

  task_unclaimed: (p, w, caseId) =>
    `SELECT 'task:' || t.id AS target_key, t.case_id, t.id AS task_id, t.department_code,
            jsonb_build_object('caseNo', c.case_no, 'stepId', t.step_id, 'openedAt', ${iso('t.created_at')}) AS facts
       FROM case_task t JOIN case_record c ON c.id = t.case_id
      WHERE t.status = 'open' AND t.claimed_by IS NULL AND t.created_at <= ${p.add(w.unclaimedCutoff)}${only('t.case_id', p, caseId)}`,

  // Waiting for the applicant (a correction) or for a timer (公示) is not a stall; a bundle's parent has no events of its own.
  case_stalled: (p, w, caseId) =>
    `SELECT 'case:' || c.id || ':' || ${iso('c.last_event_at')} AS target_key, c.id AS case_id, NULL::text AS task_id, c.department_code,
            jsonb_build_object('caseNo', c.case_no, 'status', c.status, 'lastEventAt', ${iso('c.last_event_at')}) AS facts
       FROM case_record c
      WHERE c.finished_at IS NULL AND NOT c.clock_paused AND c.service_item_code IS NOT NULL
        AND c.last_event_at <= ${p.add(w.stalledCutoff)}
        AND c.status NOT IN ('awaiting_correction', 'paused')
        AND coalesce(c.engine_state->'activity'->>'kind', '') <> 'timer'${only('c.id', p, caseId)}`,

  repeated_corrections: (p, _w, caseId) =>
    `SELECT 'case:' || c.id AS target_key, c.id AS case_id, NULL::text AS task_id, c.department_code,
            jsonb_build_object('caseNo', c.case_no, 'rounds', (c.engine_state->>'correctionRounds')::int) AS facts
       FROM case_record c
      WHERE c.finished_at IS NULL AND (c.engine_state->>'correctionRounds')::int >= 2${only('c.id', p, caseId)}`,

  tolerated_material_overdue: (p, w, caseId) =>
    `SELECT 'case:' || c.id || ':material:' || (m->>'key') AS target_key, c.id AS case_id, NULL::text AS task_id, c.department_code,
            jsonb_build_object('caseNo', c.case_no, 'materialKey', m->>'key', 'materialName', m->>'name', 'dueAt', m->>'dueAt') AS facts
       FROM case_record c CROSS JOIN LATERAL jsonb_array_elements(c.materials_owed) m
      WHERE c.finished_at IS NULL AND c.materials_owed <> '[]'::jsonb AND m->>'deliveredAt' IS NULL
        AND CASE WHEN coalesce(m->>'dueAt', '') = '' THEN false ELSE (m->>'dueAt')::timestamptz <= ${p.add(w.asOf)} END${only('c.id', p, caseId)}`,

  // Below the 5th percentile of the item's decisions in the trailing year, once the item has enough of them.
  decision_too_fast: (p, w) => {
    const working = new WorkingTimeSql(w.working, p);
    return `WITH decided AS MATERIALIZED (
              SELECT c.id, c.case_no, c.service_item_code, c.department_code, c.finished_at,
                     ${working.between('c.accepted_at', 'c.finished_at')} AS worked
                FROM case_record c
               WHERE c.finished_at > ${p.add(w.baselineSince)} AND c.finished_at <= ${p.add(w.asOf)}
                 AND c.accepted_at IS NOT NULL AND c.service_item_code IS NOT NULL AND c.status = ANY(${p.add(DECIDED_STATUSES)})
            ), baseline AS (
              SELECT service_item_code, percentile_cont(${p.add(FAST_PERCENTILE)}::float8) WITHIN GROUP (ORDER BY worked) AS p5, count(*)::int AS sample
                FROM decided WHERE worked IS NOT NULL
               GROUP BY service_item_code HAVING count(*) >= ${p.add(w.fastMinSample)}::int
            )
            SELECT 'case:' || d.id AS target_key, d.id AS case_id, NULL::text AS task_id, d.department_code,
                   jsonb_build_object('caseNo', d.case_no, 'serviceItemCode', d.service_item_code, 'finishedAt', ${iso('d.finished_at')},
                                      'workedHours', round((d.worked / 3600.0)::numeric, 2), 'p5Hours', round((b.p5 / 3600.0)::numeric, 2),
                                      'sample', b.sample) AS facts
              FROM decided d JOIN baseline b ON b.service_item_code = d.service_item_code
             WHERE d.finished_at > ${p.add(w.reviewSince)} AND d.worked < b.p5`;
  },

  // 秒批: approved with a rule's yes as the last word, no person deciding after it. The sample is picked by a
  // hash of the case id, so every scan (and anyone re-checking) picks the same cases.
  auto_approval_sample: (p, w, caseId) =>
    `SELECT 'case:' || c.id AS target_key, c.id AS case_id, NULL::text AS task_id, c.department_code,
            jsonb_build_object('caseNo', c.case_no, 'serviceItemCode', c.service_item_code, 'rule', h.data->>'rule',
                               'evaluatedAt', ${iso('h.at')}, 'finishedAt', ${iso('c.finished_at')}) AS facts
       FROM case_record c
       CROSS JOIN LATERAL (
         SELECT h.seq, h.at, h.data FROM case_history h
          WHERE h.case_id = c.id AND h.action = 'rule_evaluated' AND h.data->>'result' = 'true'
          ORDER BY h.seq DESC LIMIT 1) h
      WHERE c.status = 'approved' AND c.finished_at > ${p.add(w.reviewSince)} AND c.finished_at <= ${p.add(w.asOf)}
        AND ${sampleHash('c.id')} < ${p.add(w.autoSampleBasisPoints)}::int
        AND NOT EXISTS (SELECT 1 FROM case_history later WHERE later.case_id = c.id AND later.seq > h.seq AND later.actor_id IS NOT NULL)${only('c.id', p, caseId)}`,

  job_failed: (p, w) =>
    `SELECT 'failed_job:' || f.id AS target_key,
            CASE WHEN f.payload->>'caseId' ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN (f.payload->>'caseId')::uuid END AS case_id,
            NULL::text AS task_id, NULL::text AS department_code,
            jsonb_build_object('queue', f.queue, 'jobName', f.job_name, 'jobId', f.job_id, 'attempts', f.attempts,
                               'error', left(f.error, 500), 'failedAt', ${iso('f.failed_at')}) AS facts
       FROM failed_job f
      WHERE f.failed_at > ${p.add(w.reviewSince)} AND f.failed_at <= ${p.add(w.asOf)}`,

  // Each completed run against the policy's completed run before it (dry runs count: they measure the same thing).
  benefit_run_jump: (p, w) =>
    `SELECT 'benefit_run:' || r.id AS target_key, NULL::uuid AS case_id, NULL::text AS task_id, pol.department_code,
            jsonb_build_object('policyCode', pol.code, 'runId', r.id, 'previousRunId', r.previous_id, 'eligible', r.eligible,
                               'previous', r.previous, 'dryRun', r.dry_run,
                               'changePercent', CASE WHEN r.previous = 0 THEN NULL ELSE round((r.eligible - r.previous) * 100.0 / r.previous, 1) END) AS facts
       FROM (SELECT r.id, r.policy_id, r.eligible, r.dry_run, r.finished_at,
                    lag(r.eligible) OVER runs AS previous, lag(r.id) OVER runs AS previous_id
               FROM benefit_run r WHERE r.status = 'completed'
             WINDOW runs AS (PARTITION BY r.policy_id ORDER BY r.finished_at, r.id)) r
       JOIN benefit_policy pol ON pol.id = r.policy_id
      WHERE r.previous IS NOT NULL AND r.finished_at > ${p.add(w.reviewSince)} AND r.finished_at <= ${p.add(w.asOf)}
        AND abs(r.eligible - r.previous) * 100 > ${p.add(w.benefitJumpPercent)}::int * greatest(r.previous, 1)`,
};

/** 0–9999 from the first 32 bits of md5(id): stable across scans, processes and PostgreSQL versions. */
export const sampleHash = (column: string) => `(('x' || substr(md5(${column}::text), 1, 8))::bit(32)::bigint % 10000)`;
