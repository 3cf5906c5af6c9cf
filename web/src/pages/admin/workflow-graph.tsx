import { Collapse, Table } from 'antd';
import { EChart } from '../../components/echart';
import { label, useT } from '../../i18n/i18n';
import type { GraphEdge, GraphNode } from '../../lib/types';

/** Shapes tell the kinds apart as much as colours do; the label says it in words too. */
const LOOK: Record<string, { symbol: string; color: string }> = {
  review: { symbol: 'roundRect', color: '#1677ff' },
  auto: { symbol: 'diamond', color: '#722ed1' },
  joint: { symbol: 'rect', color: '#13c2c2' },
  timer: { symbol: 'triangle', color: '#fa8c16' },
  certificate: { symbol: 'pin', color: '#52c41a' },
  end: { symbol: 'circle', color: '#595959' },
};

/** Left to right by distance from the first step; steps at the same distance stacked. */
function layout(nodes: GraphNode[], edges: GraphEdge[]): Map<string, [number, number]> {
  const depth = new Map<string, number>();
  const first = nodes[0]?.id;
  if (first) depth.set(first, 0);
  const queue = first ? [first] : [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const edge of edges.filter((e) => e.from === id)) {
      if (!depth.has(edge.to)) {
        depth.set(edge.to, depth.get(id)! + 1);
        queue.push(edge.to);
      }
    }
  }
  const deepest = Math.max(0, ...depth.values());
  const rows = new Map<number, number>();
  const positions = new Map<string, [number, number]>();
  for (const node of nodes) {
    // Ends sit in the last column, under each other.
    const column = node.kind === 'end' ? deepest + 1 : (depth.get(node.id) ?? deepest);
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    positions.set(node.id, [column * 190, row * 110]);
  }
  return positions;
}

export function WorkflowGraph({ nodes, edges, title }: { nodes: GraphNode[]; edges: GraphEdge[]; title: string }) {
  const t = useT();
  const positions = layout(nodes, edges);
  const nodeName = (node: GraphNode) => (node.kind === 'end' ? label(t.workflows.ends, node.label) : node.label);
  const name = (id: string) => {
    const node = nodes.find((n) => n.id === id);
    return node ? nodeName(node) : id;
  };
  return (
    <>
      <EChart
        label={title}
        height={Math.max(280, Math.max(...[...positions.values()].map(([, y]) => y), 0) + 160)}
        option={{
          tooltip: {},
          series: [
            {
              type: 'graph',
              layout: 'none',
              roam: true,
              edgeSymbol: ['none', 'arrow'],
              edgeSymbolSize: 9,
              label: { show: true, position: 'bottom', formatter: '{b}', fontSize: 12 },
              edgeLabel: { show: true, formatter: (p: { data: { outcome: string } }) => p.data.outcome, fontSize: 11 },
              lineStyle: { color: '#8c8c8c', width: 1.5, curveness: 0.15 },
              data: nodes.map((node) => {
                const [x, y] = positions.get(node.id) ?? [0, 0];
                const look = LOOK[node.kind] ?? LOOK.review!;
                return {
                  id: node.id,
                  name: `${nodeName(node)}\n${t.common.paren(label(t.workflows.kinds, node.kind)).trim()}`,
                  x,
                  y,
                  symbol: look.symbol,
                  symbolSize: node.kind === 'end' ? 26 : 34,
                  itemStyle: { color: look.color },
                };
              }),
              links: edges.map((edge) => ({ source: edge.from, target: edge.to, outcome: edge.outcome })),
            },
          ],
        }}
      />
      <Collapse
        size="small"
        items={[
          {
            key: 'edges',
            label: t.workflows.steps,
            children: (
              <Table
                size="small"
                pagination={false}
                rowKey="path"
                dataSource={edges}
                columns={[
                  { title: t.workflows.steps, key: 'from', render: (_: unknown, e) => name(e.from) },
                  { title: t.workflows.outcome, dataIndex: 'outcome', render: (o: string) => label(t.actions, o) },
                  { title: t.workflows.to, key: 'to', render: (_: unknown, e) => name(e.to) },
                ]}
              />
            ),
          },
        ]}
      />
    </>
  );
}
