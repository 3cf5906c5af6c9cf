import type { ASTNode } from './cel-ast.js';
import { type CheckOptions, checkProgram } from './check.js';
import { RuleCompileError, RuleEvaluationError, ruleError, ruleErrorFromCel } from './rule-error.js';
import type { Declarations, RuleResult, RuleType, RuleValues } from './rule-type.js';
import { variablesUsed } from './variables-used.js';

/** A rule parsed and type-checked once, to be evaluated for many subjects. */
export interface CompiledRule {
  readonly expression: string;
  readonly declarations: Declarations;
  readonly type: RuleType;
  /** The dotted paths the rule reads, in order of first use: the facts that explain a decision. */
  readonly variablesUsed: readonly string[];
  /** Throws RuleEvaluationError when the facts make the rule fail (a missing fact, a division by zero…). */
  evaluate(values: RuleValues): RuleResult;
}

/** Throws RuleCompileError with every located error when the rule does not parse or type-check. */
export function compileRule(expression: string, declarations: Declarations, options: CheckOptions = {}): CompiledRule {
  const checked = checkProgram(expression, declarations, options);
  if (!checked.ok) throw new RuleCompileError(checked.errors);
  const { program, binding, type } = checked;
  return {
    expression,
    declarations,
    type,
    variablesUsed: variablesUsed(program.ast, declarations),
    evaluate(values) {
      let result: unknown;
      try {
        result = program(binding.toCel(values));
      } catch (error) {
        throw new RuleEvaluationError(ruleErrorFromCel(expression, error));
      }
      return fromCel(result, program.ast);
    },
  };
}

export function evaluateRule(rule: CompiledRule, values: RuleValues): RuleResult;
export function evaluateRule(expression: string, declarations: Declarations, values: RuleValues): RuleResult;
export function evaluateRule(
  rule: string | CompiledRule,
  declarationsOrValues: Declarations | RuleValues,
  values?: RuleValues,
): RuleResult {
  if (typeof rule !== 'string') return rule.evaluate(declarationsOrValues as RuleValues);
  return compileRule(rule, declarationsOrValues as Declarations).evaluate(values ?? {});
}

const maxSafeInteger = BigInt(Number.MAX_SAFE_INTEGER);
const minSafeInteger = -maxSafeInteger;

/** CEL's ints are BigInt and its records class instances; callers get plain JS values back. */
function fromCel(value: unknown, ast: ASTNode): RuleResult {
  if (typeof value === 'bigint') {
    if (value >= minSafeInteger && value <= maxSafeInteger) return Number(value);
    const message = `The result ${value} is beyond the integers a JS number holds exactly`;
    throw new RuleEvaluationError(ruleError(ast.input, 'int_out_of_range', message, ast.start, ast.end));
  }
  if (Array.isArray(value)) return value.map((item) => fromCel(item, ast));
  if (value instanceof Date || typeof value !== 'object' || value === null) return value as RuleResult;
  return Object.fromEntries(Object.entries(value).map(([field, item]) => [field, fromCel(item, ast)]));
}
