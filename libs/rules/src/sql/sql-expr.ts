import type { ScalarRuleType } from '../rule-type.js';

export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type NumericType = 'int' | 'double';

export interface SqlLiteral {
  kind: 'literal';
  type: ScalarRuleType;
  value: bigint | number | string | boolean | Date;
}

/**
 * The SQL a rule compiles to, before it becomes text: small enough to interpret in a test under
 * PostgreSQL's semantics. Where the JS evaluator fails (CEL's error value), the SQL yields NULL; SQL's
 * three-valued AND/OR/NOT then absorb or propagate it exactly as CEL's &&/||/! do with errors.
 */
export type SqlExpr =
  | { kind: 'column'; type: ScalarRuleType; path: string }
  | SqlLiteral
  | { kind: 'not'; operand: SqlExpr }
  | { kind: 'and' | 'or'; left: SqlExpr; right: SqlExpr }
  | { kind: 'compare'; operator: ComparisonOperator; left: SqlExpr; right: SqlExpr }
  | { kind: 'in'; operand: SqlExpr; items: SqlLiteral[] }
  | { kind: 'arithmetic'; type: NumericType; operator: ArithmeticOperator; left: SqlExpr; right: SqlExpr }
  | { kind: 'negate'; type: NumericType; operand: SqlExpr }
  | { kind: 'startsWith'; text: SqlExpr; prefix: SqlExpr }
  | { kind: 'case'; type: ScalarRuleType; condition: SqlExpr; then: SqlExpr; else: SqlExpr };

export function sqlTypeOf(expr: SqlExpr): ScalarRuleType {
  switch (expr.kind) {
    case 'column':
    case 'literal':
    case 'arithmetic':
    case 'negate':
    case 'case':
      return expr.type;
    default:
      return 'bool';
  }
}
