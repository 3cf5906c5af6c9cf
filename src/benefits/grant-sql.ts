import { compileToSql } from '@app/rules';
import { ruleColumns, shownFactsSql, type SubjectFacts } from './subject-facts.js';

/** What a run's chunk statements need to know: the policy version, the run, its date and period. */
export interface RunSpec {
  subject: SubjectFacts;
  policyId: string;
  policyVersionId: string;
  rule: string;
  variablesUsed: readonly string[];
  amount: string;
  runId: string;
  asOf: string;
  period: string;
}

/** One statement for every chunk of a run: the text is built (and the rule compiled) once, the id range varies. */
export interface ChunkStatement {
  sql: string;
  /** The parameters for the chunk of subjects with ids from `fromId` to `toId`, inclusive. */
  params(fromId: string, toId: string): unknown[];
}

/** The rule as a parameterised condition; a stored rule was proven translatable when it was saved. */
function condition(spec: RunSpec, firstPlaceholder: number): { sql: string; params: unknown[] } {
  const compiled = compileToSql(spec.rule, spec.subject.declarations, {
    columns: ruleColumns(spec.subject),
    params: { asOf: spec.asOf },
    firstPlaceholder,
  });
  if (!compiled.ok) {
    throw new Error(`The rule of policy version ${spec.policyVersionId} no longer translates to SQL: ${compiled.errors.map((e) => e.message).join('; ')}`);
  }
  return { sql: compiled.sql, params: compiled.params };
}

/**
 * One chunk of a grant run as ONE statement: select the eligible subjects of the id range with the
 * compiled rule, insert their grants (with the facts the rule read) unless the policy already granted
 * them this period, and answer the counts and the account holders to notify.
 */
export function grantChunkStatement(spec: RunSpec): ChunkStatement {
  const { subject } = spec;
  const table = subject.table.table;
  const rule = condition(spec, 9);
  const sql = `
    WITH eligible AS MATERIALIZED (
      SELECT s.id, ${subject.holderKey} AS holder_key, ${shownFactsSql(subject, spec.variablesUsed, '$1')} AS facts
        FROM ${table} s
       WHERE s.id BETWEEN $2::bigint AND $3::bigint AND ${rule.sql}
    ), granted AS (
      INSERT INTO benefit_grant (policy_id, policy_version_id, subject_type, subject_id, period, amount, run_id, as_of, facts)
      SELECT $4::uuid, $5::uuid, '${subject.subjectType}', e.id, $6::text, $7::numeric, $8::uuid, $1::date, e.facts FROM eligible e
      ON CONFLICT (policy_id, subject_id, period) DO NOTHING
      RETURNING id, subject_id
    )
    SELECT (SELECT count(*) FROM ${table} s WHERE s.id BETWEEN $2::bigint AND $3::bigint)::int AS evaluated,
           (SELECT count(*) FROM eligible)::int AS eligible,
           (SELECT count(*) FROM granted)::int AS granted,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('grantId', g.id::text, 'userId', u.id)), '[]'::jsonb)
              FROM granted g JOIN eligible e ON e.id = g.subject_id JOIN app_user u ON ${subject.accountJoin('e.holder_key')}) AS recipients`;
  return {
    sql,
    params: (fromId, toId) => [spec.asOf, fromId, toId, spec.policyId, spec.policyVersionId, spec.period, spec.amount, spec.runId, ...rule.params],
  };
}

/** A dry run's chunk: the same selection, counted; eligible subjects already granted this period counted apart. */
export function countChunkStatement(spec: RunSpec): ChunkStatement {
  const table = spec.subject.table.table;
  const rule = condition(spec, 5);
  const sql = `
    SELECT (SELECT count(*) FROM ${table} s WHERE s.id BETWEEN $1::bigint AND $2::bigint)::int AS evaluated,
           count(*)::int AS eligible,
           count(g.id)::int AS granted_before
      FROM ${table} s
      LEFT JOIN benefit_grant g ON g.policy_id = $3::uuid AND g.subject_id = s.id AND g.period = $4::text
     WHERE s.id BETWEEN $1::bigint AND $2::bigint AND ${rule.sql}`;
  return { sql, params: (fromId, toId) => [fromId, toId, spec.policyId, spec.period, ...rule.params] };
}
