export { type CheckOptions, type CheckResult, checkRule } from './check.js';
export {
  declarationsFromJsonSchema,
  enterpriseDeclarations,
  enterpriseType,
  type JsonSchema,
  personDeclarations,
  personType,
} from './declarations.js';
export { completedYears } from './derived-facts.js';
export { enterpriseLabels, explainFacts, explainRule, type FieldLabel, type FieldLabels, GENERAL_CONDITION, personLabels } from './explain.js';
export { type CompiledRule, compileRule, evaluateRule } from './evaluate.js';
export { RuleCompileError, type RuleError, RuleEvaluationError } from './rule-error.js';
export type {
  Declarations,
  RuleResult,
  RuleType,
  RuleValue,
  RuleValues,
  ScalarRuleType,
} from './rule-type.js';
export type { RenderedSql, SqlMapping } from './sql/render.js';
export { compileToSql, type SqlCompilation } from './sql/sql-compiler.js';
export type { SqlExpr } from './sql/sql-expr.js';
