import { type ASTNode, constantOf, type NodeOf, selectionPath, timestampLiteral } from '../cel-ast.js';
import { type RuleError, ruleError } from '../rule-error.js';
import { type Declarations, describeRuleType, isScalarType, typeAtPath } from '../rule-type.js';
import { type ComparisonOperator, type SqlExpr, type SqlLiteral, sqlTypeOf } from './sql-expr.js';

export type Translation = { ok: true; expr: SqlExpr } | { ok: false; errors: RuleError[] };

type BinaryNode = NodeOf<'==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/'>;

const comparisons: Readonly<Record<string, ComparisonOperator>> = {
  '==': '=',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

/** `a < b` is `b > a`: lets the literal of a mixed comparison always stand on the right. */
const mirrored: Readonly<Record<ComparisonOperator, ComparisonOperator>> = {
  '=': '=',
  '<>': '<>',
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};

/**
 * Translates a type-checked rule into SqlExpr, or refuses every part it cannot translate exactly, each
 * with its position. `isMapped` says which variable paths the caller has SQL for.
 */
export function translateToSql(
  ast: ASTNode,
  declarations: Declarations,
  isMapped: (path: string) => boolean,
): Translation {
  const errors: RuleError[] = [];

  /** Records why `node` has no exact translation; the message quotes the part of the rule it is about. */
  function refuse(node: ASTNode, code: string, reason: string): undefined {
    const error = ruleError(node.input, code, reason, node.start, node.end);
    errors.push({ ...error, message: `\`${node.input.slice(error.start, error.end)}\`: ${reason}` });
    return undefined;
  }

  function translate(node: ASTNode): SqlExpr | undefined {
    switch (node.op) {
      case 'value':
        return literal(node);
      case '-_':
        return constantOf(node) === undefined ? negation(node) : literal(node);
      case 'id':
      case '.':
        return column(node);
      case '!_': {
        const operand = translate(node.args);
        return operand && { kind: 'not', operand };
      }
      case '&&':
      case '||': {
        const [left, right] = node.args.map(translate);
        return left && right && { kind: node.op === '&&' ? 'and' : 'or', left, right };
      }
      case '==':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=':
        return comparison(node, comparisons[node.op]);
      case 'in':
        return membership(node);
      case '+':
      case '-':
      case '*':
      case '/':
        return arithmetic(node);
      case '?:': {
        const [condition, then, otherwise] = node.args.map(translate);
        return (
          condition && then && otherwise && { kind: 'case', type: sqlTypeOf(then), condition, then, else: otherwise }
        );
      }
      case 'rcall':
        return method(node);
      case 'call': {
        const timestamp = timestampLiteral(node);
        if (timestamp?.ok) return { kind: 'literal', type: 'timestamp', value: timestamp.instant };
        return refuse(node, 'sql_unsupported_function', `the function ${node.args[0]}() is not translated to SQL`);
      }
      case '%':
        return refuse(node, 'sql_unsupported_operator', 'the operator % is not translated to SQL');
      case 'list':
        return refuse(node, 'sql_unsupported_value', 'a list is translated only as the right side of `in`');
      default:
        return refuse(node, 'sql_unsupported_value', `${describeNode(node)} is not translated to SQL`);
    }
  }

  function literal(node: ASTNode): SqlLiteral | undefined {
    const value = constantOf(node);
    switch (typeof value) {
      case 'bigint':
        return { kind: 'literal', type: 'int', value };
      case 'number':
        return { kind: 'literal', type: 'double', value };
      case 'boolean':
        return { kind: 'literal', type: 'bool', value };
      case 'string':
        if (value.includes('\u0000')) {
          return refuse(node, 'sql_unsupported_value', 'PostgreSQL text cannot hold the NUL character');
        }
        return { kind: 'literal', type: 'string', value };
      default:
        return refuse(node, 'sql_unsupported_value', `${describeNode(node)} is not translated to SQL`);
    }
  }

  function negation(node: NodeOf<'-_'>): SqlExpr | undefined {
    const operand = translate(node.args);
    if (!operand) return undefined;
    const type = sqlTypeOf(operand);
    if (type !== 'int' && type !== 'double') {
      return refuse(node, 'sql_unsupported_operator', `negating a ${type} is not translated to SQL`);
    }
    return { kind: 'negate', type, operand };
  }

  function column(node: ASTNode): SqlExpr | undefined {
    const path = selectionPath(node);
    const type = path === undefined ? undefined : typeAtPath(declarations, path);
    if (path === undefined || type === undefined) {
      return refuse(node, 'sql_unsupported_value', 'only fields of declared variables are translated to SQL');
    }
    if (!isScalarType(type)) {
      const reason = `${path} is a ${describeRuleType(type)}; only scalar fields map to SQL columns`;
      return refuse(node, 'sql_unsupported_value', reason);
    }
    if (!isMapped(path)) return refuse(node, 'sql_unmapped_variable', `no SQL is mapped for ${path}`);
    return { kind: 'column', type, path };
  }

  function comparison(node: BinaryNode, operator: ComparisonOperator): SqlExpr | undefined {
    const [left, right] = node.args.map(translate);
    if (!left || !right) return undefined;
    const [leftType, rightType] = [sqlTypeOf(left), sqlTypeOf(right)];
    if (leftType === rightType) {
      if (leftType === 'string' && operator !== '=' && operator !== '<>') {
        const reason =
          'strings are compared for equality only: JS orders them by UTF-16 code units, PostgreSQL by collation';
        return refuse(node, 'sql_string_ordering', reason);
      }
      return { kind: 'compare', operator, left, right };
    }
    // CEL compares an int with a double exactly; PostgreSQL would round the int to a double first.
    // With a literal on one side the comparison can be restated exactly within one type.
    // A double literal always restates exactly; an int literal only when a double holds it.
    if (leftType === 'int' && rightType === 'double' && right.kind === 'literal') {
      return intAgainstDouble(node, operator, left, right);
    }
    if (leftType === 'double' && rightType === 'int' && left.kind === 'literal') {
      return intAgainstDouble(node, mirrored[operator], right, left);
    }
    if (leftType === 'double' && rightType === 'int' && right.kind === 'literal') {
      return doubleAgainstInt(node, operator, left, right);
    }
    if (leftType === 'int' && rightType === 'double' && left.kind === 'literal') {
      return doubleAgainstInt(node, mirrored[operator], right, left);
    }
    const reason =
      'an int is compared with a double only when one side is a literal: CEL compares them exactly, ' +
      'PostgreSQL rounds the int to a double first';
    return refuse(node, 'sql_mixed_numeric_comparison', reason);
  }

  /** For an integer i: i < d ⇔ i < ⌈d⌉, i <= d ⇔ i <= ⌊d⌋, i > d ⇔ i > ⌊d⌋, i >= d ⇔ i >= ⌈d⌉. */
  function intAgainstDouble(
    node: ASTNode,
    operator: ComparisonOperator,
    int: SqlExpr,
    double: SqlLiteral,
  ): SqlExpr | undefined {
    const value = double.value as number;
    if (operator === '=' || operator === '<>') {
      return refuse(node, 'sql_mixed_numeric_comparison', 'an int is not tested for equality with a double');
    }
    const bound = operator === '<' || operator === '>=' ? Math.ceil(value) : Math.floor(value);
    return { kind: 'compare', operator, left: int, right: { kind: 'literal', type: 'int', value: BigInt(bound) } };
  }

  function doubleAgainstInt(
    node: ASTNode,
    operator: ComparisonOperator,
    double: SqlExpr,
    int: SqlLiteral,
  ): SqlExpr | undefined {
    const value = int.value as bigint;
    if (BigInt(Number(value)) !== value) {
      const reason = `${value} is not exactly a double, the comparison would round`;
      return refuse(node, 'sql_mixed_numeric_comparison', reason);
    }
    const literal: SqlLiteral = { kind: 'literal', type: 'double', value: Number(value) };
    return { kind: 'compare', operator, left: double, right: literal };
  }

  function membership(node: NodeOf<'in'>): SqlExpr | undefined {
    const [element, list] = node.args;
    const operand = translate(element);
    if (list.op !== 'list') {
      // A list field or a map would need array columns and CEL's equality on their items.
      return refuse(node, 'sql_unsupported_operator', '`in` is translated only with a list literal on the right');
    }
    // Only literal items: in JS one failing item fails the whole list, while SQL's IN could still match another.
    const items = list.args.map((item) => {
      const timestamp = timestampLiteral(item);
      if (timestamp?.ok) return { kind: 'literal', type: 'timestamp', value: timestamp.instant } satisfies SqlLiteral;
      if (constantOf(item) === undefined) {
        return refuse(item, 'sql_unsupported_value', 'the items of an `in` list must be literals');
      }
      return literal(item);
    });
    if (!operand || items.some((item) => item === undefined)) return undefined;
    return { kind: 'in', operand, items: items as SqlLiteral[] };
  }

  function arithmetic(node: NodeOf<'+' | '-' | '*' | '/'>): SqlExpr | undefined {
    const [left, right] = node.args.map(translate);
    if (!left || !right) return undefined;
    const type = sqlTypeOf(left);
    if (type !== 'int' && type !== 'double') {
      return refuse(node, 'sql_unsupported_operator', `${node.op} on ${type} values is not translated to SQL`);
    }
    const divisor = constantOf(node.args[1]);
    if (type === 'double' && node.op === '/' && (typeof divisor !== 'number' || divisor === 0)) {
      const reason =
        'a double is divided only by a non-zero literal: for a zero divisor CEL yields Infinity or NaN ' +
        'where PostgreSQL raises an error';
      return refuse(node, 'sql_double_division', reason);
    }
    return { kind: 'arithmetic', type, operator: node.op, left, right };
  }

  function method(node: NodeOf<'rcall'>): SqlExpr | undefined {
    const [name, receiver, args] = node.args;
    if (name !== 'startsWith' || args.length !== 1) {
      return refuse(node, 'sql_unsupported_function', `the function ${name}() is not translated to SQL`);
    }
    const [text, prefix] = [translate(receiver), translate(args[0])];
    return text && prefix && { kind: 'startsWith', text, prefix };
  }

  const expr = translate(ast);
  return expr && errors.length === 0 ? { ok: true, expr } : { ok: false, errors };
}

function describeNode(node: ASTNode): string {
  switch (node.op) {
    case 'value':
      if (node.args === null) return 'null';
      return node.args instanceof Uint8Array ? 'a bytes literal' : 'an unsigned int literal';
    case 'map':
      return 'a map';
    case '[]':
    case '[?]':
      return 'indexing';
    case '.?':
      return 'optional selection';
    default:
      return 'this expression';
  }
}
