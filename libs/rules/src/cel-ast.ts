import { type ASTNode, evaluate } from '@marcbachmann/cel-js';

export type { ASTNode };

export type Constant = bigint | number | string | boolean;

/** The dotted path a chain of field selections reads (`person.age`), or undefined for anything else. */
export function selectionPath(node: ASTNode): string | undefined {
  if (node.op === 'id') return node.args;
  if (node.op !== '.') return undefined;
  const base = selectionPath(node.args[0]);
  return base === undefined ? undefined : `${base}.${node.args[1]}`;
}

/** A literal's value. CEL parses `-5` as `-(5)`, so a minus in front of a number literal is part of the literal. */
export function constantOf(node: ASTNode): Constant | undefined {
  if (node.op === '-_') {
    const operand = constantOf(node.args);
    return typeof operand === 'bigint' || typeof operand === 'number' ? -operand : undefined;
  }
  if (node.op !== 'value') return undefined;
  const value = node.args;
  const constant = ['bigint', 'number', 'string', 'boolean'].includes(typeof value);
  return constant ? (value as Constant) : undefined;
}

export type TimestampLiteral = { ok: true; instant: Date } | { ok: false; message: string };

/**
 * The instant `timestamp('…')` denotes when its argument is a string literal, or why it denotes none.
 * cel-js itself reads the literal, so the JS evaluator and the SQL compiler cannot disagree on it.
 */
export function timestampLiteral(node: ASTNode): TimestampLiteral | undefined {
  if (node.op !== 'call' || node.args[0] !== 'timestamp') return undefined;
  const [argument] = node.args[1];
  if (node.args[1].length !== 1 || argument.op !== 'value' || typeof argument.args !== 'string') return undefined;
  try {
    return { ok: true, instant: evaluate(node.input.slice(node.start, node.end)) as Date };
  } catch (error) {
    return { ok: false, message: error instanceof Error && 'summary' in error ? String(error.summary) : String(error) };
  }
}

/** Every node of the tree, parents before children, for checks that look for one kind of node anywhere. */
export function* walk(root: ASTNode): Generator<ASTNode> {
  const pending = [root];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    yield node;
    pending.push(...children(node).reverse());
  }
}

/** The child nodes, in source order, in a new array: the AST's own arrays must not be changed. */
export function children(node: ASTNode): ASTNode[] {
  switch (node.op) {
    case 'value':
    case 'id':
      return [];
    case '.':
    case '.?':
      return [node.args[0]];
    case 'call':
      return [...node.args[1]];
    case 'rcall':
      return [node.args[1], ...node.args[2]];
    case 'list':
      return [...node.args];
    case 'map':
      return node.args.flat();
    case '!_':
    case '-_':
      return [node.args];
    default:
      return [...node.args];
  }
}

/** The node type for one operator, e.g. `NodeOf<'in'>`. */
export type NodeOf<Op extends ASTNode['op']> = Extract<ASTNode, { op: Op }>;
