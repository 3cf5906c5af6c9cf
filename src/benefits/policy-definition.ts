import { compileRule, compileToSql, type RuleError } from '@app/rules';
import type { EntityManager } from 'typeorm';
import type { FieldError } from '../http/problem.js';
import type { SubjectType } from '../registry/registry-records.js';
import type { BenefitPeriod } from './benefit-period.js';
import { BenefitPolicyVersion } from './benefit-policy-version.entity.js';
import { BenefitPolicy } from './benefit-policy.entity.js';
import { ruleColumns, subjectFacts } from './subject-facts.js';

export interface PolicyVersionInput {
  name: string;
  rule: string;
  amount: number;
  period: BenefitPeriod;
}

export interface PolicyInput extends PolicyVersionInput {
  code: string;
  subjectType: SubjectType;
  departmentCode?: string | null;
}

/** A rule error as the API shows it: where it is (`rule`, line:column, offsets) and why. */
export type RuleFieldError = FieldError & Pick<RuleError, 'code' | 'start' | 'end' | 'line' | 'column'>;

export type RuleCheck =
  | { ok: true; variablesUsed: string[] }
  | { ok: false; problem: 'invalid_rule' | 'rule_not_exact_in_sql'; errors: RuleFieldError[] };

const fieldError = (error: RuleError): RuleFieldError => ({
  path: 'rule',
  message: `${error.line}:${error.column} ${error.message}`,
  code: error.code,
  start: error.start,
  end: error.end,
  line: error.line,
  column: error.column,
});

/**
 * A policy rule must type-check against its registry (a bool over `person` or `enterprise`) and translate
 * exactly to SQL: a grant run evaluates it over the whole registry at once, and a condition it could
 * not translate would otherwise be dropped and pay everyone.
 */
export function checkPolicyRule(rule: string, subjectType: SubjectType): RuleCheck {
  const subject = subjectFacts(subjectType);
  // The as-of date only fills the mapping's parameter: whether a rule translates does not depend on it.
  const sql = compileToSql(rule, subject.declarations, { columns: ruleColumns(subject), params: { asOf: '2000-01-01' } });
  if (!sql.ok) {
    const untranslatable = sql.errors.every((error) => error.code.startsWith('sql_'));
    return { ok: false, problem: untranslatable ? 'rule_not_exact_in_sql' : 'invalid_rule', errors: sql.errors.map(fieldError) };
  }
  return { ok: true, variablesUsed: [...compileRule(rule, subject.declarations, { expect: 'bool' }).variablesUsed] };
}

/** Amounts are stored as numeric(12,2): two decimals, as text so nothing is rounded on the way. */
export const amountText = (amount: number) => amount.toFixed(2);

/** Writes a new policy with its version 1. The caller has checked the rule (checkPolicyRule). */
export async function insertPolicy(manager: EntityManager, input: PolicyInput, variablesUsed: string[], createdBy: string | null): Promise<BenefitPolicy> {
  const policies = manager.getRepository(BenefitPolicy);
  const policy = await policies.save(
    policies.create({ code: input.code, subjectType: input.subjectType, currentVersion: 1, active: true, departmentCode: input.departmentCode ?? null }),
  );
  await insertVersion(manager, policy, 1, input, variablesUsed, createdBy);
  return policy;
}

export async function insertVersion(
  manager: EntityManager,
  policy: BenefitPolicy,
  version: number,
  input: PolicyVersionInput,
  variablesUsed: string[],
  createdBy: string | null,
): Promise<BenefitPolicyVersion> {
  const versions = manager.getRepository(BenefitPolicyVersion);
  return versions.save(
    versions.create({
      policyId: policy.id,
      version,
      name: input.name,
      rule: input.rule,
      variablesUsed,
      amount: amountText(input.amount),
      period: input.period,
      createdBy,
    }),
  );
}
