import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Timers that existed before every timer was a row (issue 15) lived only as delayed jobs or in the case
 * state: this gives each a row with its due time, which the reconciler then enqueues as it nears.
 *
 * - Cases waiting out a timer step (公示) without a row: due at the step's duration after the case's last
 *   workflow event (when the step began) — calendar days, or working days counted over `calendar_day` and
 *   the Monday–Friday week, ending at 17:00 China time like every SLA. The old delayed job, if Redis still
 *   has it, marks the same row fired; the second of the two finds it fired and does nothing.
 * - Open cases' SLA and deadline moments that need no working-hour arithmetic: each open task's due time,
 *   the statutory and promised deadlines of a running clock, each 容缺 material still owed. The rest (yellow,
 *   unclaimed, stalled) come from a risk check of every open case, queued here through the outbox: it
 *   computes all of its case's timers and keeps these rows.
 * Only moments still ahead get a row; what is already past has been (or will be) seen by the scan.
 */
export class BackfillTimers1796590000000 implements MigrationInterface {
  name = 'BackfillTimers1796590000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      WITH waiting AS (
        SELECT c.id AS case_id, c.engine_state->'activity'->>'timerId' AS timer_id, c.last_event_at,
               step->'duration' AS duration
          FROM case_record c
          JOIN workflow_version w ON w.key = c.workflow_key AND w.version = c.workflow_version
          CROSS JOIN LATERAL jsonb_array_elements(w.document->'steps') step
         WHERE c.finished_at IS NULL AND c.engine_state->'activity'->>'kind' = 'timer'
           AND step->>'id' = c.engine_state->'activity'->>'stepId'
           AND NOT EXISTS (SELECT 1 FROM timer t WHERE t.kind = 'case-timer' AND t.subject = c.id::text AND t.key = c.engine_state->'activity'->>'timerId')),
      due AS (
        SELECT case_id, timer_id, gen_random_uuid() AS id,
               CASE WHEN duration ? 'calendarDays' THEN last_event_at + make_interval(days => (duration->>'calendarDays')::int)
                    ELSE (SELECT (w.day + time '17:00') AT TIME ZONE 'Asia/Shanghai'
                            FROM (SELECT d::date AS day, row_number() OVER (ORDER BY d) AS n
                                    FROM generate_series(((last_event_at AT TIME ZONE 'Asia/Shanghai') + interval '7 hours')::date,
                                                         ((last_event_at AT TIME ZONE 'Asia/Shanghai') + interval '7 hours')::date + 800, interval '1 day') d
                                   WHERE coalesce((SELECT cd.is_workday FROM calendar_day cd WHERE cd.date = d::date ORDER BY (cd.source = 'override') DESC LIMIT 1),
                                                  extract(isodow FROM d) < 6)) w
                           WHERE w.n = (duration->>'workingDays')::int + 1)
               END AS due_at
          FROM waiting WHERE timer_id IS NOT NULL)
      INSERT INTO timer (id, kind, subject, key, due_at, job_name, payload, job_id)
      SELECT id, 'case-timer', case_id::text, timer_id, due_at, 'workflow.fire-timer',
             jsonb_build_object('caseId', case_id, 'timerId', timer_id), 'timer-' || id
        FROM due WHERE due_at IS NOT NULL
      ON CONFLICT DO NOTHING`);

    await queryRunner.query(`
      WITH open_case AS (
        SELECT id, clock_paused, statutory_deadline, promised_deadline, materials_owed FROM case_record WHERE finished_at IS NULL),
      moment AS (
        SELECT t.case_id, 'task:' || t.id || ':due' AS key, t.due_at
          FROM case_task t JOIN open_case c ON c.id = t.case_id WHERE t.status IN ('open', 'claimed') AND t.due_at IS NOT NULL
        UNION ALL
        SELECT c.id, 'deadline:' || d.which, d.due
          FROM open_case c CROSS JOIN LATERAL (VALUES ('statutory', c.statutory_deadline), ('promised', c.promised_deadline)) d(which, due)
         WHERE NOT c.clock_paused AND d.due IS NOT NULL
        UNION ALL
        SELECT c.id, 'material:' || (m->>'key'), (m->>'dueAt')::timestamptz
          FROM open_case c CROSS JOIN LATERAL jsonb_array_elements(c.materials_owed) m
         WHERE m->>'deliveredAt' IS NULL AND coalesce(m->>'dueAt', '') <> ''),
      ahead AS (SELECT gen_random_uuid() AS id, case_id, key, due_at FROM moment WHERE due_at > now())
      INSERT INTO timer (id, kind, subject, key, due_at, job_name, payload, job_id)
      SELECT id, 'case-risk-check', case_id::text, key, due_at, 'risk.check-case',
             jsonb_build_object('caseId', case_id, 'timerId', id), 'timer-' || id
        FROM ahead
      ON CONFLICT DO NOTHING`);

    await queryRunner.query(`
      INSERT INTO outbox_message (queue, job_name, payload, delay_ms)
      SELECT 'risk-monitor', 'risk.check-case', jsonb_build_object('caseId', id), 0
        FROM case_record c
       WHERE c.finished_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM timer t WHERE t.kind = 'case-risk-check' AND t.subject = c.id::text AND t.key = 'stalled')`);
  }

  async down(): Promise<void> {
    // Rows only: the timers they describe are real, and the code that reads them is gone with a downgrade.
  }
}
