import { checkRule, declarationsFromJsonSchema, type Declarations, type JsonSchema, type RuleType } from '@app/rules';
import type { RuleChecker } from '@app/workflow-engine';

/**
 * What a workflow rule may read about the applicant (`applicant.*`): facts taken from the account and
 * the registry when the case is submitted. `age` is whole years at submission.
 */
export const applicantFacts: RuleType = {
  object: {
    age: 'int',
    creditLevel: 'string',
    hukouDistrict: 'string',
    disabilityLevel: 'int',
    monthlyIncome: 'double',
    isEnterprise: 'bool',
  },
};

/** The variables of a workflow rule: the application form (typed by the item's schema) and the applicant. */
export function workflowDeclarations(formSchema: JsonSchema | null): Declarations {
  return { form: formSchema ? declarationsFromJsonSchema(formSchema) : { object: {} }, applicant: applicantFacts };
}

/** Adapts @app/rules to the engine's port: every auto rule and routing condition must type-check to bool. */
export function workflowRuleChecker(formSchema: JsonSchema | null): RuleChecker {
  const declarations = workflowDeclarations(formSchema);
  return {
    check: (expression) => {
      const result = checkRule(expression, declarations, { expect: 'bool' });
      return result.ok ? [] : result.errors;
    },
  };
}
