import { checkProgram } from '../check.js';
import type { RuleError } from '../rule-error.js';
import type { Declarations } from '../rule-type.js';
import { renderSql, type SqlMapping } from './render.js';
import type { SqlExpr } from './sql-expr.js';
import { translateToSql } from './translate.js';

export type SqlCompilation =
  | { ok: true; sql: string; params: unknown[]; expr: SqlExpr }
  | { ok: false; errors: RuleError[] };

/**
 * Compiles a bool rule to a parameterised PostgreSQL condition for set-based evaluation, or refuses it.
 *
 * For every subject, the condition is TRUE where the JS evaluator answers true, FALSE where it answers
 * false, and NULL where it fails (a missing fact, a division by zero, an overflow): `WHERE <sql>` selects
 * exactly the subjects the JS evaluator finds eligible. `expr` is the condition before it became text.
 */
export function compileToSql(expression: string, declarations: Declarations, mapping: SqlMapping): SqlCompilation {
  const checked = checkProgram(expression, declarations, { expect: 'bool' });
  if (!checked.ok) return checked;
  const translation = translateToSql(checked.program.ast, declarations, (path) => Object.hasOwn(mapping.columns, path));
  if (!translation.ok) return translation;
  return { ok: true, ...renderSql(translation.expr, mapping), expr: translation.expr };
}
