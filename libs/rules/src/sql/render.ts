import type { ScalarRuleType } from '../rule-type.js';
import { type SqlExpr, type SqlLiteral, sqlTypeOf } from './sql-expr.js';

/**
 * How the variables of a rule read in SQL. Each dotted path maps to an SQL expression whose value is
 * the fact the JS evaluator would get for it, e.g. `'person.hukouDistrict': 'p.hukou_district'` or
 * `'person.age': "date_part('year', age($asOf::date, p.birth_date))::int"`. That SQL refers to values by
 * named parameters (`$asOf`), given in `params`; the renderer numbers them with the rule's literals.
 * It may be NULL (a missing fact). Its SQL type follows the declared type: an integer type for `int`,
 * float8 or numeric for `double`, text or varchar for `string`, boolean, and for `timestamp` a timestamptz
 * that is the same instant as the JS Date.
 */
export interface SqlMapping {
  readonly columns: Readonly<Record<string, string>>;
  readonly params?: Readonly<Record<string, unknown>>;
  /** The number of the first placeholder ($1 by default), for a rule inside a statement with its own parameters. */
  readonly firstPlaceholder?: number;
}

export interface RenderedSql {
  sql: string;
  params: unknown[];
}

const parameterCasts: Readonly<Record<ScalarRuleType, string>> = {
  int: 'bigint',
  double: 'float8',
  string: 'text',
  bool: 'boolean',
  timestamp: 'timestamptz',
};

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;
// Compiler constants, not rule literals: the first integers outside int64 on either side.
const belowInt64 = String(int64Min - 1n);
const aboveInt64 = String(int64Max + 1n);

const namedParameter = /\$([A-Za-z_]\w*)(?![\w$])/g;

/** Renders SqlExpr as PostgreSQL text; every literal of the rule becomes a parameter, never SQL text. */
export function renderSql(expr: SqlExpr, mapping: SqlMapping): RenderedSql {
  const params: unknown[] = [];
  const firstPlaceholder = mapping.firstPlaceholder ?? 1;
  const namedPlaceholders = new Map<string, string>();

  function placeholder(value: unknown): string {
    params.push(value);
    return `$${firstPlaceholder + params.length - 1}`;
  }

  function columnSql(path: string): string {
    const sql = mapping.columns[path];
    if (/\$\d/.test(sql)) {
      throw new Error(`The SQL mapped for ${path} uses a numbered placeholder: name it ($asOf) and give it in params`);
    }
    return sql.replace(namedParameter, (_, name: string) => {
      if (!mapping.params || !Object.hasOwn(mapping.params, name)) {
        throw new Error(`The SQL mapped for ${path} uses $${name}, which the mapping's params do not define`);
      }
      let named = namedPlaceholders.get(name);
      if (named === undefined) {
        named = placeholder(mapping.params[name]);
        namedPlaceholders.set(name, named);
      }
      return named;
    });
  }

  function literal({ type, value }: SqlLiteral): string {
    if (typeof value === 'bigint') {
      const safe = value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER);
      const cast = value >= int64Min && value <= int64Max ? 'bigint' : 'numeric';
      return `${placeholder(safe ? Number(value) : String(value))}::${cast}`;
    }
    return `${placeholder(value instanceof Date ? value.toISOString() : value)}::${parameterCasts[type]}`;
  }

  /** Comparing with COLLATE "C" compares bytes: the same answer as JS for equality, whatever the column's collation. */
  function collated(operand: SqlExpr): string {
    const sql = render(operand);
    return sqlTypeOf(operand) === 'string' ? `${sql} COLLATE "C"` : sql;
  }

  function render(expr: SqlExpr): string {
    switch (expr.kind) {
      case 'column':
        return expr.type === 'double' ? `(${columnSql(expr.path)})::float8` : `(${columnSql(expr.path)})`;
      case 'literal':
        return literal(expr);
      case 'not':
        return `(NOT ${render(expr.operand)})`;
      case 'and':
      case 'or':
        return `(${render(expr.left)} ${expr.kind.toUpperCase()} ${render(expr.right)})`;
      case 'compare':
        return `(${collated(expr.left)} ${expr.operator} ${render(expr.right)})`;
      case 'in':
        // `x IN ()` is not SQL, and `x = ANY('{}')` is FALSE even for a NULL x, where CEL fails.
        if (expr.items.length === 0) return `NULLIF(${render(expr.operand)} IS NULL, TRUE)`;
        return `(${collated(expr.operand)} IN (${expr.items.map(literal).join(', ')}))`;
      case 'arithmetic':
        if (expr.type === 'int') return intArithmetic(expr.operator, expr.left, expr.right);
        return `(${render(expr.left)} ${expr.operator} ${render(expr.right)})`;
      case 'negate':
        // Like cel-js, negation does not check for overflow: -(-2^63) is 2^63.
        return expr.type === 'int' ? `(-${render(expr.operand)}::numeric)` : `(-${render(expr.operand)})`;
      case 'startsWith':
        return `starts_with(${collated(expr.text)}, ${render(expr.prefix)})`;
      case 'case':
        // The simple CASE evaluates the condition once, and a NULL condition matches neither branch: CEL's error.
        return (
          `(CASE ${render(expr.condition)} ` +
          `WHEN TRUE THEN ${render(expr.then)} WHEN FALSE THEN ${render(expr.else)} END)`
        );
    }
  }

  /**
   * Integers are computed in numeric, which cannot overflow, then mapped to NULL outside int64 where CEL
   * fails with an overflow. LEAST/GREATEST skip NULLs, so a NULL operand reaches the NULLIF as `belowInt64`
   * and stays NULL. Division truncates toward zero in both; a zero divisor is CEL's error, hence NULL.
   */
  function intArithmetic(operator: string, left: SqlExpr, right: SqlExpr): string {
    const [l, r] = [`${render(left)}::numeric`, render(right)];
    // Like cel-js, division does not check for overflow: -2^63 / -1 is 2^63.
    if (operator === '/') return `div(${l}, NULLIF(${r}, 0))`;
    const result = `(${l} ${operator} ${r})`;
    return `NULLIF(NULLIF(LEAST(GREATEST(${result}, ${belowInt64}), ${aboveInt64}), ${belowInt64}), ${aboveInt64})`;
  }

  return { sql: render(expr), params };
}
