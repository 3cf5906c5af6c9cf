import type { ComparisonOperator, SqlExpr } from '../sql-expr.js';

/**
 * Test support, not library code: evaluates SqlExpr the way PostgreSQL evaluates the text `renderSql`
 * makes of it, so the differential test can hold the compiler to the JS evaluator without a database.
 * `null` is SQL NULL; ints are BigInt as in PostgreSQL's numeric; strings compare as bytes (COLLATE "C").
 */
export type SqlValue = bigint | number | string | boolean | Date | null;

/** The value of each mapped column, by variable path. */
export type SqlRow = Readonly<Record<string, SqlValue | undefined>>;

/** What PostgreSQL raises instead of answering, e.g. float8 overflow. */
export class PostgresError extends Error {}

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

export function interpretSql(expr: SqlExpr, row: SqlRow): SqlValue {
  switch (expr.kind) {
    case 'column':
      return row[expr.path] ?? null;
    case 'literal':
      return expr.value;
    case 'not': {
      const operand = interpretSql(expr.operand, row);
      return operand === null ? null : !operand;
    }
    case 'and':
    case 'or': {
      const [left, right] = [interpretSql(expr.left, row), interpretSql(expr.right, row)];
      const decisive = expr.kind === 'or';
      if (left === decisive || right === decisive) return decisive;
      return left === null || right === null ? null : !decisive;
    }
    case 'compare': {
      const [left, right] = [interpretSql(expr.left, row), interpretSql(expr.right, row)];
      return left === null || right === null ? null : holds(expr.operator, compare(left, right));
    }
    case 'in': {
      const operand = interpretSql(expr.operand, row);
      if (operand === null) return null;
      return expr.items.some((item) => compare(operand, item.value) === 0);
    }
    case 'arithmetic': {
      const [left, right] = [interpretSql(expr.left, row), interpretSql(expr.right, row)];
      if (left === null || right === null) return null;
      if (typeof left === 'bigint') return intArithmetic(expr.operator, left, right as bigint);
      return float8(expr.operator, left as number, right as number);
    }
    case 'negate': {
      const operand = interpretSql(expr.operand, row);
      return operand === null ? null : -(operand as number);
    }
    case 'startsWith': {
      const [text, prefix] = [interpretSql(expr.text, row), interpretSql(expr.prefix, row)];
      if (text === null || prefix === null) return null;
      const prefixBytes = Buffer.from(prefix as string);
      return Buffer.from(text as string).subarray(0, prefixBytes.length).equals(prefixBytes);
    }
    case 'case': {
      // CASE evaluates only the branch it takes.
      const condition = interpretSql(expr.condition, row);
      if (condition === null) return null;
      return interpretSql(condition ? expr.then : expr.else, row);
    }
  }
}

function holds(operator: ComparisonOperator, order: number): boolean {
  switch (operator) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

function compare(left: NonNullable<SqlValue>, right: NonNullable<SqlValue>): number {
  if (typeof left === 'string') return Buffer.compare(Buffer.from(left), Buffer.from(right as string));
  if (left instanceof Date) return Math.sign(left.getTime() - (right as Date).getTime());
  if (typeof left === 'number' && (Number.isNaN(left) || Number.isNaN(right))) {
    // PostgreSQL sorts NaN above every number and equal to itself.
    return Number(Number.isNaN(left)) - Number(Number.isNaN(right as number));
  }
  return left < right ? -1 : left > right ? 1 : 0;
}

/** numeric arithmetic, mapped to NULL outside int64 by the rendered NULLIF/LEAST/GREATEST; `div` truncates. */
function intArithmetic(operator: string, left: bigint, right: bigint): bigint | null {
  if (operator === '/') return right === 0n ? null : left / right;
  const result = operator === '+' ? left + right : operator === '-' ? left - right : left * right;
  return result < int64Min || result > int64Max ? null : result;
}

/** float8 arithmetic: IEEE 754, except that PostgreSQL raises on division by zero, overflow and underflow. */
function float8(operator: string, left: number, right: number): number {
  if (operator === '/' && right === 0) throw new PostgresError('division by zero');
  const result =
    operator === '+' ? left + right : operator === '-' ? left - right : operator === '*' ? left * right : left / right;
  const finiteInputs = Number.isFinite(left) && (operator === '/' || Number.isFinite(right));
  if (!Number.isFinite(result) && !Number.isNaN(result) && finiteInputs) {
    throw new PostgresError('value out of range: overflow');
  }
  const underflows =
    (operator === '*' && left !== 0 && right !== 0) || (operator === '/' && left !== 0 && Number.isFinite(right));
  if (result === 0 && underflows) throw new PostgresError('value out of range: underflow');
  return result;
}
