import { Graph, layout } from '@dagrejs/dagre';

export interface Box {
  width: number;
  height: number;
}

export interface LaidOut {
  nodes: Map<string, { x: number; y: number }>;
  /** Where each edge's label sits (by the edge's index), clear of the nodes and the other labels. */
  labels: { x: number; y: number }[];
  width: number;
  height: number;
}

/**
 * Left to right with dagre (a layered layout: fewest crossings, ranks by distance from the first step):
 * each edge's label gets a box of its own in the layout, so labels neither overlap each other nor the steps.
 */
export function layoutGraph(nodes: { id: string; box: Box }[], edges: { from: string; to: string; box: Box }[]): LaidOut {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 56, edgesep: 14, marginx: 16, marginy: 16 });
  for (const node of nodes) graph.setNode(node.id, { width: node.box.width, height: node.box.height });
  edges.forEach((edge, i) => graph.setEdge(edge.from, edge.to, { width: edge.box.width, height: edge.box.height, labelpos: 'c' }, `e${i}`));
  layout(graph);
  const placed = new Map(nodes.map((node) => [node.id, { x: graph.node(node.id).x, y: graph.node(node.id).y }]));
  const labels = edges.map((edge, i) => {
    const label = graph.edge(edge.from, edge.to, `e${i}`) as { x?: number; y?: number };
    return { x: label.x ?? 0, y: label.y ?? 0 };
  });
  const size = graph.graph() as { width?: number; height?: number };
  return { nodes: placed, labels, width: size.width ?? 0, height: size.height ?? 0 };
}
