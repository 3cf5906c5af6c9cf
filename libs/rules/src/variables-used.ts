import { type ASTNode, children, selectionPath } from './cel-ast.js';
import type { Declarations } from './rule-type.js';

/** cel-js macros whose first argument names an iteration variable, visible in the later arguments. */
const comprehensions: ReadonlySet<string> = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

/**
 * The dotted paths of the declared variables a rule reads, in order of first use, e.g.
 * `['person.age', 'person.hukouDistrict']`: the facts to show when explaining a decision.
 */
export function variablesUsed(ast: ASTNode, declarations: Declarations): string[] {
  const used = new Set<string>();

  function visit(node: ASTNode, bound: ReadonlySet<string>): void {
    const path = selectionPath(node);
    if (path !== undefined) {
      const root = path.split('.')[0];
      if (!bound.has(root) && Object.hasOwn(declarations, root)) used.add(path);
      return;
    }
    if (node.op === 'rcall') {
      const [name, receiver, args] = node.args;
      const variable = args[0]?.op === 'id' ? args[0].args : undefined;
      if (variable !== undefined && comprehensions.has(name)) {
        visit(receiver, bound);
        for (const arg of args.slice(1)) visit(arg, new Set(bound).add(variable));
        return;
      }
      if (variable !== undefined && name === 'bind' && selectionPath(receiver) === 'cel' && args.length === 3) {
        visit(args[1], bound);
        visit(args[2], new Set(bound).add(variable));
        return;
      }
    }
    for (const child of children(node)) visit(child, bound);
  }

  visit(ast, new Set());
  return [...used];
}
