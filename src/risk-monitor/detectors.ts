import { WorkingTimeSql } from '@app/business-calendar';
import { DECIDED_STATUSES } from '../cases/staff-decisions.js';
import type { SqlParams } from '../reporting/sql-params.js';
import { FAST_PERCENTILE, type DetectionWindow } from './detection-window.js';
import type { FlagKind } from './flag-kinds.js';

/**
 * A part of a family: a SELECT of candidate flags of one kind, with the columns
 * (kind, target_key, case_id, task_id, department_code, facts). It may read the family's `src`.
 */
type Part = (p: SqlParams, w: DetectionWindow, caseId: string | null) => string;

/**
 * Detectors grouped by what they read, so that one pass over a source finds every kind it can show:
 * the open cases are read once for all six case kinds, the open tasks once for the three task kinds.
 * Each pass is set-based SQL on indexed columns; `caseId` narrows it to one case (the event-driven check).
 */
export interface Family {
  name: string;
  /** Rows every part reads as `src`, materialised once per statement. */
  source?: (p: SqlParams, w: DetectionWindow, caseId: string | null) => string;
  parts: Partial<Record<FlagKind, Part>>;
  /** Facts worth a join, computed only for the flags about to be stored or shown (`alias` is the candidate). */
  enrich?: (alias: string) => string;
}

/** Times in facts are ISO instants in UTC, as the API writes them. */
const iso = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const only = (column: string, p: SqlParams, caseId: string | null) => (caseId === null ? '' : ` AND ${column} = ${p.add(caseId)}::uuid`);

/** 0–9999 from the first 32 bits of md5(id): stable across scans, processes and PostgreSQL versions. */
export const sampleHash = (column: string) => `(('x' || substr(md5(${column}::text), 1, 8))::bit(32)::bigint % 10000)`;

/** Both deadlines of open cases whose clock runs: a paused clock's stored deadlines are stale and never go red. */
function caseDeadlines(kind: 'case_deadline_approaching' | 'case_overdue'): Part {
  return (p, w) => {
    const condition = kind === 'case_overdue' ? `d.due <= ${p.add(w.asOf)}` : `d.due > ${p.add(w.asOf)} AND d.due <= ${p.add(w.yellowCutoff)}`;
    return `SELECT '${kind}'::text AS kind, 'case:' || s.id || ':' || d.which || ':' || ${iso('d.due')} AS target_key, s.id AS case_id, NULL::text AS task_id,
                   s.department_code, jsonb_build_object('caseNo', s.case_no, 'serviceItemCode', s.service_item_code, 'deadline', d.which, 'dueAt', ${iso('d.due')}) AS facts
              FROM src s CROSS JOIN LATERAL (VALUES ('promised', s.promised_deadline), ('statutory', s.statutory_deadline)) d(which, due)
             WHERE NOT s.clock_paused AND ${condition}`;
  };
}

/** Steps' own due dates, on open or claimed tasks. */
function taskDeadlines(kind: 'task_deadline_approaching' | 'task_overdue'): Part {
  return (p, w) => {
    const condition = kind === 'task_overdue' ? `s.due_at <= ${p.add(w.asOf)}` : `s.due_at > ${p.add(w.asOf)} AND s.due_at <= ${p.add(w.yellowCutoff)}`;
    return `SELECT '${kind}'::text AS kind, 'task:' || s.id || ':' || ${iso('s.due_at')} AS target_key, s.case_id, s.id AS task_id, s.department_code,
                   jsonb_build_object('stepId', s.step_id, 'dueAt', ${iso('s.due_at')}, 'claimedBy', s.claimed_by) AS facts
              FROM src s WHERE ${condition}`;
  };
}

export const OPEN_CASES: Family = {
  name: 'open cases',
  // Only what the parts read: the wide columns (form, materials, state) stay on disk.
  source: (p, _w, caseId) =>
    `SELECT c.id, c.case_no, c.service_item_code, c.department_code, c.status, c.clock_paused, c.last_event_at,
            c.promised_deadline, c.statutory_deadline, c.engine_state->'activity'->>'kind' AS activity,
            (c.engine_state->>'correctionRounds')::int AS rounds,
            CASE WHEN c.materials_owed <> '[]'::jsonb THEN c.materials_owed END AS owed
       FROM case_record c
      WHERE c.finished_at IS NULL${only('c.id', p, caseId)}`,
  parts: {
    case_deadline_approaching: caseDeadlines('case_deadline_approaching'),
    case_overdue: caseDeadlines('case_overdue'),
    // Waiting for the applicant (a correction) or for a timer (公示) is not a stall; a bundle's parent has no events of its own.
    case_stalled: (p, w) =>
      `SELECT 'case_stalled'::text AS kind, 'case:' || s.id || ':' || ${iso('s.last_event_at')} AS target_key, s.id AS case_id, NULL::text AS task_id,
              s.department_code, jsonb_build_object('caseNo', s.case_no, 'status', s.status, 'lastEventAt', ${iso('s.last_event_at')}) AS facts
         FROM src s
        WHERE NOT s.clock_paused AND s.service_item_code IS NOT NULL AND s.last_event_at <= ${p.add(w.stalledCutoff)}
          AND s.status NOT IN ('awaiting_correction', 'paused') AND coalesce(s.activity, '') <> 'timer'`,
    repeated_corrections: () =>
      `SELECT 'repeated_corrections'::text AS kind, 'case:' || s.id AS target_key, s.id AS case_id, NULL::text AS task_id, s.department_code,
              jsonb_build_object('caseNo', s.case_no, 'rounds', s.rounds) AS facts
         FROM src s WHERE s.rounds >= 2`,
    tolerated_material_overdue: (p, w) =>
      `SELECT 'tolerated_material_overdue'::text AS kind, 'case:' || s.id || ':material:' || (m->>'key') AS target_key, s.id AS case_id, NULL::text AS task_id,
              s.department_code, jsonb_build_object('caseNo', s.case_no, 'materialKey', m->>'key', 'materialName', m->>'name', 'dueAt', m->>'dueAt') AS facts
         FROM src s CROSS JOIN LATERAL jsonb_array_elements(s.owed) m
        WHERE m->>'deliveredAt' IS NULL
          AND CASE WHEN coalesce(m->>'dueAt', '') = '' THEN false ELSE (m->>'dueAt')::timestamptz <= ${p.add(w.asOf)} END`,
  },
};

export const OPEN_TASKS: Family = {
  name: 'open tasks',
  source: (p, _w, caseId) =>
    `SELECT t.id, t.case_id, t.step_id, t.department_code, t.status, t.due_at, t.claimed_by, t.created_at
       FROM case_task t WHERE t.status IN ('open', 'claimed')${only('t.case_id', p, caseId)}`,
  parts: {
    task_deadline_approaching: taskDeadlines('task_deadline_approaching'),
    task_overdue: taskDeadlines('task_overdue'),
    task_unclaimed: (p, w) =>
      `SELECT 'task_unclaimed'::text AS kind, 'task:' || s.id AS target_key, s.case_id, s.id AS task_id, s.department_code,
              jsonb_build_object('stepId', s.step_id, 'openedAt', ${iso('s.created_at')}) AS facts
         FROM src s WHERE s.status = 'open' AND s.claimed_by IS NULL AND s.created_at <= ${p.add(w.unclaimedCutoff)}`,
  },
  // The case number costs a look-up per task: only for the flags being stored or shown.
  // The step's name from the definition the case runs on, so that people read 「受理」, not 「accept」.
  enrich: (alias) =>
    `${alias}.facts || jsonb_build_object('caseNo', (SELECT r.case_no FROM case_record r WHERE r.id = ${alias}.case_id),
       'stepName', (SELECT st->>'name' FROM case_record r
                      JOIN workflow_version v ON v.key = r.workflow_key AND v.version = r.workflow_version
                      CROSS JOIN LATERAL jsonb_array_elements(v.document->'steps') st
                     WHERE r.id = ${alias}.case_id AND st->>'id' = ${alias}.facts->>'stepId' LIMIT 1))`,
};

/** Decided cases, looked back on: neither kind changes with time, so the scan reviews them at most hourly. */
export const DECIDED_CASES: Family = {
  name: 'decided cases',
  source: (p, w, caseId) =>
    `SELECT c.id, c.case_no, c.service_item_code, c.department_code, c.status, c.finished_at, c.accepted_at
       FROM case_record c
      WHERE c.finished_at > ${p.add(w.reviewSince)} AND c.finished_at <= ${p.add(w.asOf)} AND c.accepted_at IS NOT NULL
        AND c.service_item_code IS NOT NULL AND c.status = ANY(${p.add(DECIDED_STATUSES)})${only('c.id', p, caseId)}`,
  parts: {
    // Below the 5th percentile of the item's decisions in the trailing year, once the item has enough of them.
    decision_too_fast: (p, w) => {
      const working = new WorkingTimeSql(w.working, p);
      return `SELECT 'decision_too_fast'::text AS kind, 'case:' || s.id AS target_key, s.id AS case_id, NULL::text AS task_id, s.department_code,
                     jsonb_build_object('caseNo', s.case_no, 'serviceItemCode', s.service_item_code, 'finishedAt', ${iso('s.finished_at')},
                                        'workedHours', round((s.worked / 3600.0)::numeric, 2), 'p5Hours', round((b.p5 / 3600.0)::numeric, 2),
                                        'sample', b.sample) AS facts
                FROM (SELECT src.*, ${working.between('src.accepted_at', 'src.finished_at')} AS worked FROM src) s
                JOIN (SELECT c.service_item_code, count(*)::int AS sample,
                             percentile_cont(${p.add(FAST_PERCENTILE)}::float8) WITHIN GROUP (ORDER BY ${working.between('c.accepted_at', 'c.finished_at')}) AS p5
                        FROM case_record c
                       WHERE c.finished_at > ${p.add(w.baselineSince)} AND c.finished_at <= ${p.add(w.asOf)} AND c.accepted_at IS NOT NULL
                         AND c.service_item_code IS NOT NULL AND c.status = ANY(${p.add(DECIDED_STATUSES)})
                       GROUP BY c.service_item_code HAVING count(*) >= ${p.add(w.fastMinSample)}::int) b
                  ON b.service_item_code = s.service_item_code
               WHERE s.worked < b.p5`;
    },
    // 秒批: approved with a rule's yes as the last word, no person deciding after it. The sample is picked by a
    // hash of the case id, so every scan (and anyone re-checking) picks the same cases.
    auto_approval_sample: (p, w) =>
      `SELECT 'auto_approval_sample'::text AS kind, 'case:' || s.id AS target_key, s.id AS case_id, NULL::text AS task_id, s.department_code,
              jsonb_build_object('caseNo', s.case_no, 'serviceItemCode', s.service_item_code, 'rule', h.data->>'rule',
                                 'evaluatedAt', ${iso('h.at')}, 'finishedAt', ${iso('s.finished_at')}) AS facts
         FROM src s
         CROSS JOIN LATERAL (
           SELECT h.seq, h.at, h.data FROM case_history h
            WHERE h.case_id = s.id AND h.action = 'rule_evaluated' AND h.data->>'result' = 'true'
            ORDER BY h.seq DESC LIMIT 1) h
        WHERE s.status = 'approved' AND ${sampleHash('s.id')} < ${p.add(w.autoSampleBasisPoints)}::int
          AND NOT EXISTS (SELECT 1 FROM case_history later WHERE later.case_id = s.id AND later.seq > h.seq AND later.actor_id IS NOT NULL)`,
  },
};

export const FAILED_JOBS: Family = {
  name: 'failed jobs',
  parts: {
    job_failed: (p, w) =>
      `SELECT 'job_failed'::text AS kind, 'failed_job:' || f.id AS target_key,
              CASE WHEN f.payload->>'caseId' ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN (f.payload->>'caseId')::uuid END AS case_id,
              NULL::text AS task_id, NULL::text AS department_code,
              jsonb_build_object('queue', f.queue, 'jobName', f.job_name, 'jobId', f.job_id, 'attempts', f.attempts,
                                 'error', left(f.error, 500), 'failedAt', ${iso('f.failed_at')}) AS facts
         FROM failed_job f
        WHERE f.failed_at > ${p.add(w.reviewSince)} AND f.failed_at <= ${p.add(w.asOf)}`,
  },
};

export const BENEFIT_RUNS: Family = {
  name: 'benefit runs',
  parts: {
    // Each completed run against the policy's completed run before it (dry runs count: they measure the same thing).
    benefit_run_jump: (p, w) =>
      `SELECT 'benefit_run_jump'::text AS kind, 'benefit_run:' || r.id AS target_key, NULL::uuid AS case_id, NULL::text AS task_id, pol.department_code,
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
  },
};

/** 差评 整改 tickets not yet closed, against their due date (15 working days after the rating). */
function ticketDeadlines(kind: 'rating_ticket_due_soon' | 'rating_ticket_overdue'): Part {
  return (p, w) => {
    const condition = kind === 'rating_ticket_overdue' ? `s.due_at <= ${p.add(w.asOf)}` : `s.due_at > ${p.add(w.asOf)} AND s.due_at <= ${p.add(w.yellowCutoff)}`;
    return `SELECT '${kind}'::text AS kind, 'rating_ticket:' || s.id || ':' || s.due_date::text AS target_key, s.case_id, NULL::text AS task_id, s.department_code,
                   jsonb_build_object('ticketId', s.id, 'caseNo', s.case_no, 'status', s.status, 'dueDate', s.due_date::text, 'dueAt', ${iso('s.due_at')}) AS facts
              FROM src s WHERE ${condition}`;
  };
}

export const OPEN_RATING_TICKETS: Family = {
  name: 'open rating tickets',
  source: (p, _w, caseId) =>
    `SELECT t.id, t.case_id, t.case_no, t.department_code, t.status, t.due_date, t.due_at
       FROM rating_ticket t WHERE t.status <> 'closed'${only('t.case_id', p, caseId)}`,
  parts: {
    rating_ticket_due_soon: ticketDeadlines('rating_ticket_due_soon'),
    rating_ticket_overdue: ticketDeadlines('rating_ticket_overdue'),
  },
};

/** 告知承诺 checks still open past their due date (the item's commitmentCheckDays working days after approval). */
export const OPEN_COMMITMENT_CHECKS: Family = {
  name: 'open commitment checks',
  parts: {
    commitment_check_overdue: (p, w, caseId) =>
      `SELECT 'commitment_check_overdue'::text AS kind, 'commitment_check:' || k.id AS target_key, k.case_id, NULL::text AS task_id, k.department_code,
              jsonb_build_object('checkId', k.id, 'caseNo', k.case_no, 'dueDate', k.due_date::text, 'dueAt', ${iso('k.due_at')}) AS facts
         FROM commitment_check k WHERE k.status = 'open' AND k.due_at <= ${p.add(w.asOf)}${only('k.case_id', p, caseId)}`,
  },
};

export const FAMILIES: readonly Family[] = [OPEN_CASES, OPEN_TASKS, DECIDED_CASES, FAILED_JOBS, BENEFIT_RUNS, OPEN_RATING_TICKETS, OPEN_COMMITMENT_CHECKS];

/**
 * The candidates of the chosen kinds of one family, as a statement prefix `WITH src AS (...), candidates AS (...)`
 * that the caller completes with its own SELECT (the forecast) or INSERT/UPDATE (the scan and the check).
 */
export function candidatesCte(family: Family, kinds: readonly FlagKind[], p: SqlParams, w: DetectionWindow, caseId: string | null): string {
  const parts = kinds.map((kind) => family.parts[kind]!(p, w, caseId));
  const source = family.source ? `src AS MATERIALIZED (${family.source(p, w, caseId)}),\n` : '';
  return `WITH ${source}candidates AS MATERIALIZED (${parts.join('\nUNION ALL\n')})`;
}
