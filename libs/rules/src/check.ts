import type { ParseResult } from '@marcbachmann/cel-js';
import { timestampLiteral, walk } from './cel-ast.js';
import { type CelBinding, celBinding } from './cel-binding.js';
import { type RuleError, ruleError, ruleErrorFromCel } from './rule-error.js';
import { type Declarations, describeRuleType, type RuleType, sameRuleType } from './rule-type.js';

export interface CheckOptions {
  /** The type the rule must have, e.g. `'bool'` for eligibility and auto-approval rules. */
  expect?: RuleType;
}

export type CheckResult = { ok: true; type: RuleType } | { ok: false; errors: RuleError[] };

/** A rule that passed every check, parsed once and ready to run or to translate. */
export interface CheckedProgram {
  ok: true;
  type: RuleType;
  program: ParseResult;
  binding: CelBinding;
}

/** Parses and type-checks a rule against the variables it may use. Never throws for a bad rule. */
export function checkRule(expression: string, declarations: Declarations, options: CheckOptions = {}): CheckResult {
  const checked = checkProgram(expression, declarations, options);
  return checked.ok ? { ok: true, type: checked.type } : checked;
}

export function checkProgram(
  expression: string,
  declarations: Declarations,
  { expect }: CheckOptions = {},
): CheckedProgram | { ok: false; errors: RuleError[] } {
  if (typeof expression !== 'string') {
    return { ok: false, errors: [ruleError('', 'not_a_string', 'A rule must be a string', 0, 0)] };
  }
  const binding = celBinding(declarations);
  let program: ParseResult;
  try {
    program = binding.environment.parse(expression);
  } catch (error) {
    return { ok: false, errors: [ruleErrorFromCel(expression, error)] };
  }
  const checked = program.check();
  if (!checked.valid || checked.type === undefined) {
    return { ok: false, errors: [ruleErrorFromCel(expression, checked.error)] };
  }

  const { ast } = program;
  // cel-js types `timestamp('2024-01-01')` as a timestamp but fails on it at run time: say so while it is written.
  const badTimestamps: RuleError[] = [];
  for (const node of walk(ast)) {
    const literal = timestampLiteral(node);
    if (literal && !literal.ok) {
      const message = `${literal.message}, e.g. '2024-01-01T00:00:00Z' or '2024-01-01T00:00:00+08:00'`;
      badTimestamps.push(ruleError(expression, 'invalid_timestamp', message, node.start, node.end));
    }
  }
  if (badTimestamps.length > 0) return { ok: false, errors: badTimestamps };

  const type = binding.ruleType(checked.type);
  if (type === undefined) {
    const message =
      `The rule yields ${checked.type}; a rule yields int, double, string, bool, timestamp, a list or a record`;
    return { ok: false, errors: [ruleError(expression, 'unsupported_type', message, ast.start, ast.end)] };
  }
  if (expect !== undefined && !sameRuleType(type, expect)) {
    const message = `The rule yields ${describeRuleType(type)} where ${describeRuleType(expect)} is expected`;
    return { ok: false, errors: [ruleError(expression, 'wrong_type', message, ast.start, ast.end)] };
  }
  return { ok: true, type, program, binding };
}
