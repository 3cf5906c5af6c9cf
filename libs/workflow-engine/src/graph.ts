import {
  END_STATUSES,
  branchesOf,
  isEndTarget,
  routesOf,
  type StepType,
  type Target,
  type WorkflowDefinition,
} from './definition.js';
import { ROOT, at } from './definition-error.js';

export interface GraphNode {
  /** A step id, or `end:<status>`. */
  readonly id: string;
  readonly kind: StepType | 'end';
  readonly label: string;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: Target;
  readonly outcome: string;
  /** The rule guarding this branch; absent on a plain route and on a default branch. */
  readonly when?: string;
  /** Where the edge is written in the document, e.g. `$.steps[2].outcomes.approve[0].to`. */
  readonly path: string;
}

export interface DefinitionGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** Nodes and edges of a definition, for drawing it and for the validator's reachability checks. */
export function definitionGraph(definition: WorkflowDefinition): DefinitionGraph {
  const edges = definition.steps.flatMap((step, index) =>
    routesOf(step).flatMap(([outcome, route]) => {
      const routePath = at(ROOT, 'steps', index, 'outcomes', outcome);
      return branchesOf(route).map((branch, branchIndex): GraphEdge => ({
        from: step.id,
        to: branch.to,
        outcome,
        ...(branch.when === undefined ? {} : { when: branch.when }),
        path: typeof route === 'string' ? routePath : at(routePath, branchIndex, 'to'),
      }));
    }),
  );
  const endsUsed = new Set(edges.map((edge) => edge.to).filter(isEndTarget));
  const ends = END_STATUSES.map((status) => `end:${status}`).filter((id) => endsUsed.has(id));
  return {
    nodes: [
      ...definition.steps.map((step): GraphNode => ({ id: step.id, kind: step.type, label: step.name ?? step.id })),
      ...ends.map((id): GraphNode => ({ id, kind: 'end', label: id.slice('end:'.length) })),
    ],
    edges,
  };
}
