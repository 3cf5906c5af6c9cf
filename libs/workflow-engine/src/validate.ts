import { branchesOf, isEndTarget, routesOf, type Step, type WorkflowDefinition } from './definition.js';
import { ROOT, at, type DefinitionError, type DefinitionErrorCode } from './definition-error.js';
import { definitionGraph, type GraphEdge } from './graph.js';
import { parseDefinition, type ParseResult } from './parse.js';

/** A problem the rule language found in an expression; `@app/rules`' errors fit this shape. */
export interface RuleProblem {
  readonly code: string;
  readonly message: string;
  /** Zero-based offset of the problem in the expression, when known. */
  readonly start?: number;
}

/**
 * The port to the rule language. The shell builds one per service item, closing over the
 * declarations of its form schema and the applicant's facts, e.g.
 * `{ check: (rule) => { const r = checkRule(rule, declarations, { expect: 'bool' }); return r.ok ? [] : r.errors; } }`.
 */
export interface RuleChecker {
  /** Problems with `expression` as a boolean rule; empty when it parses and type-checks. */
  check(expression: string): readonly RuleProblem[];
}

export interface ValidationContext {
  /** Codes of the departments that exist; queues and participants must name one of them. */
  readonly departments: Iterable<string>;
  /** Without it, rules are only checked to be non-empty strings. */
  readonly rules?: RuleChecker;
}

/**
 * Parses (see `parseDefinition`) and validates a definition, listing every problem with
 * its JSON path. Graph checks (reachability, reaching an end) run only on a graph whose
 * ids are unique and whose targets all exist, so one misspelt target is reported once
 * rather than again as the unreachable steps it orphans.
 */
export function validateDefinition(input: unknown, context: ValidationContext): ParseResult {
  const parsed = parseDefinition(input);
  if (!parsed.ok) return parsed;
  const definition = parsed.definition;
  const departments = new Set(context.departments);

  const idErrors = duplicateIds(definition);
  const edges = definitionGraph(definition).edges;
  const targetErrors = targetProblems(definition, edges);
  const errors = [
    ...idErrors,
    ...targetErrors,
    ...definition.steps.flatMap((step, index) => departmentProblems(step, at(ROOT, 'steps', index), departments)),
    ...(context.rules ? ruleProblems(definition, context.rules) : []),
    ...(idErrors.length === 0 && targetErrors.length === 0 ? graphProblems(definition, edges) : []),
  ];
  return errors.length === 0 ? parsed : { ok: false, errors };
}

function duplicateIds(definition: WorkflowDefinition): DefinitionError[] {
  const seen = new Set<string>();
  return definition.steps.flatMap((step, index) => {
    if (!seen.has(step.id)) {
      seen.add(step.id);
      return [];
    }
    return [problem(at(ROOT, 'steps', index, 'id'), 'definition.duplicate_id', `another step already has the id ${step.id}`)];
  });
}

function targetProblems(definition: WorkflowDefinition, edges: readonly GraphEdge[]): DefinitionError[] {
  const ids = new Set(definition.steps.map((step) => step.id));
  return edges.flatMap((edge): DefinitionError[] => {
    if (edge.outcome === 'correction' && isEndTarget(edge.to)) {
      const message = 'a correction returns to a step once the applicant answers, not to an end';
      return [problem(edge.path, 'definition.invalid_target', message)];
    }
    if (isEndTarget(edge.to) || ids.has(edge.to)) return [];
    return [problem(edge.path, 'definition.unknown_target', `no step has the id ${edge.to}`)];
  });
}

function departmentProblems(step: Step, path: string, departments: ReadonlySet<string>): DefinitionError[] {
  const unknown = (department: string, where: string): DefinitionError[] =>
    departments.has(department) ? [] : [problem(where, 'definition.unknown_department', `unknown department ${department}`)];

  if (step.type === 'review') return unknown(step.queue.department, at(path, 'queue', 'department'));
  if (step.type !== 'joint') return [];
  const seen = new Set<string>();
  return step.participants.flatMap((participant, index) => {
    const named = typeof participant === 'string';
    const department = named ? participant : participant.department;
    const where = named ? at(path, 'participants', index) : at(path, 'participants', index, 'department');
    if (seen.has(department)) {
      return [problem(where, 'definition.duplicate_participant', `${department} already takes part in this step`)];
    }
    seen.add(department);
    return unknown(department, where);
  });
}

function ruleProblems(definition: WorkflowDefinition, checker: RuleChecker): DefinitionError[] {
  const rules = definition.steps.flatMap((step, index) => {
    const stepPath = at(ROOT, 'steps', index);
    const own = step.type === 'auto' ? [{ expression: step.rule, path: at(stepPath, 'rule') }] : [];
    const conditions = routesOf(step).flatMap(([outcome, route]) =>
      branchesOf(route).flatMap((branch, branchIndex) =>
        branch.when === undefined
          ? []
          : [{ expression: branch.when, path: at(stepPath, 'outcomes', outcome, branchIndex, 'when') }],
      ),
    );
    return [...own, ...conditions];
  });
  return rules.flatMap(({ expression, path }) =>
    checker.check(expression).map(({ message, start }) =>
      problem(path, 'definition.rule_invalid', start === undefined ? message : `at character ${start + 1}: ${message}`),
    ),
  );
}

function graphProblems(definition: WorkflowDefinition, edges: readonly GraphEdge[]): DefinitionError[] {
  const successors = new Map<string, string[]>();
  const predecessors = new Map<string, string[]>();
  for (const edge of edges) {
    successors.set(edge.from, [...(successors.get(edge.from) ?? []), edge.to]);
    predecessors.set(edge.to, [...(predecessors.get(edge.to) ?? []), edge.from]);
  }
  const reached = closure([definition.steps[0]!.id], successors);
  const finishing = closure(
    edges.filter((edge) => isEndTarget(edge.to)).map((edge) => edge.from),
    predecessors,
  );
  return definition.steps.flatMap((step, index): DefinitionError[] => {
    const path = at(ROOT, 'steps', index);
    if (!reached.has(step.id)) {
      return [problem(path, 'definition.unreachable_step', `no route from the first step leads to ${step.id}`)];
    }
    if (!finishing.has(step.id)) {
      return [problem(path, 'definition.no_end_reachable', `no route from ${step.id} leads to an end`)];
    }
    return [];
  });
}

function problem(path: string, code: DefinitionErrorCode, message: string): DefinitionError {
  return { path, code, message };
}

/** Everything reachable from `start` along `next`, `start` included. */
function closure(start: readonly string[], next: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set(start);
  const pending = [...start];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    for (const neighbour of next.get(id) ?? []) {
      if (!seen.has(neighbour)) {
        seen.add(neighbour);
        pending.push(neighbour);
      }
    }
  }
  return seen;
}
