import { evaluateRule, type JsonSchema, type RuleValues } from '@app/rules';
import { workflowDeclarations } from '../workflows/workflow-rules.js';
import { applicantRuleValues } from './applicant-snapshot.js';
import type { CaseRecord, PendingEvaluation } from './case.entity.js';

export interface RuleOutcome {
  result: boolean;
  /** Why the case went the `false` way without the rule deciding it, or null. */
  comment: string | null;
}

/**
 * An auto step's rule or a routing condition, decided on the case's own facts: the same answer wherever
 * and whenever it runs, so the engine decides it in the transaction that reached it.
 */
export function decideRule(record: Pick<CaseRecord, 'form' | 'applicant'>, pending: Pick<PendingEvaluation, 'expression'>, formSchema: JsonSchema | null): RuleOutcome {
  try {
    const values = { form: record.form, applicant: applicantRuleValues(record.applicant) } as RuleValues;
    return { result: evaluateRule(pending.expression, workflowDeclarations(formSchema), values) === true, comment: null };
  } catch (error) {
    // A rule that cannot be decided on these facts never approves: the case goes the `false` way, to people.
    return { result: false, comment: `规则无法判定，转人工办理 (${(error as Error).message})` };
  }
}
