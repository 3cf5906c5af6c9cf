import { Collapse, Table } from 'antd';
import { EChart } from '../../components/echart';
import { label, useT } from '../../i18n/i18n';
import type { GraphEdge, GraphNode } from '../../lib/types';
import { layoutGraph } from './graph-layout';

/** Shapes tell the kinds apart as much as colours do; the label says it in words too. */
const LOOK: Record<string, { symbol: string; color: string }> = {
  review: { symbol: 'roundRect', color: '#1677ff' },
  auto: { symbol: 'diamond', color: '#722ed1' },
  joint: { symbol: 'rect', color: '#13c2c2' },
  timer: { symbol: 'triangle', color: '#fa8c16' },
  certificate: { symbol: 'pin', color: '#52c41a' },
  end: { symbol: 'circle', color: '#595959' },
};

export function WorkflowGraph({ nodes, edges, title }: { nodes: GraphNode[]; edges: GraphEdge[]; title: string }) {
  const t = useT();
  const nodeName = (node: GraphNode) => (node.kind === 'end' ? label(t.workflows.ends, node.label) : node.label);
  const name = (id: string) => {
    const node = nodes.find((n) => n.id === id);
    return node ? nodeName(node) : id;
  };
  const outcomeName = (outcome: string) => label({ ...t.actions, ...t.workflows.outcomes }, outcome);
  // Chinese text is about 13px a character at this size: boxes big enough for the layout to keep labels apart.
  const textWidth = (text: string) => [...text].reduce((w, ch) => w + (/[\u0000-\u00ff]/.test(ch) ? 7 : 13), 0);
  const nodeText = (node: GraphNode) => `${nodeName(node)}\n${t.common.paren(label(t.workflows.kinds, node.kind)).trim()}`;
  const laid = layoutGraph(
    nodes.map((node) => ({ id: node.id, box: { width: Math.max(64, ...nodeText(node).split('\n').map(textWidth)) + 12, height: 78 } })),
    edges.map((edge) => ({ from: edge.from, to: edge.to, box: { width: textWidth(outcomeName(edge.outcome)) + 10, height: 20 } })),
  );
  return (
    <>
      <div style={{ overflowX: 'auto' }}>
        <div style={{ minWidth: laid.width }} data-testid="workflow-graph">
          <EChart
            label={title}
            height={Math.max(240, laid.height + 24)}
            option={{
              tooltip: {},
              series: [
                {
                  type: 'graph',
                  layout: 'none',
                  roam: false,
                  // Laid out by dagre in pixels: shown 1:1, not rescaled to the box.
                  left: 0,
                  top: 0,
                  width: laid.width,
                  height: laid.height,
                  edgeSymbol: ['none', 'none'],
                  lineStyle: { color: '#8c8c8c', width: 1.5 },
                  data: [
                    ...nodes.map((node) => {
                      const at = laid.nodes.get(node.id) ?? { x: 0, y: 0 };
                      const look = LOOK[node.kind] ?? LOOK.review!;
                      return {
                        id: node.id,
                        name: nodeText(node),
                        x: at.x,
                        y: at.y - 12,
                        symbol: look.symbol,
                        symbolSize: node.kind === 'end' ? 22 : 28,
                        itemStyle: { color: look.color },
                        label: { show: true, position: 'bottom', formatter: '{b}', fontSize: 12, lineHeight: 16 },
                      };
                    }),
                    // Each outcome's label is a point of its own where dagre placed it; the edge runs through it.
                    ...edges.map((edge, i) => ({
                      id: `edge-label-${i}`,
                      name: outcomeName(edge.outcome),
                      x: laid.labels[i]!.x,
                      y: laid.labels[i]!.y,
                      symbol: 'rect',
                      symbolSize: [1, 1],
                      itemStyle: { color: 'transparent' },
                      tooltip: { show: false },
                      label: { show: true, position: 'inside', formatter: '{b}', fontSize: 11, color: '#595959', backgroundColor: '#fff', padding: [1, 3] },
                    })),
                  ],
                  links: edges.flatMap((edge, i) => [
                    { source: edge.from, target: `edge-label-${i}` },
                    { source: `edge-label-${i}`, target: edge.to, symbol: ['none', 'arrow'], symbolSize: 8 },
                  ]),
                },
              ],
            }}
          />
        </div>
      </div>
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
                  { title: t.workflows.outcome, dataIndex: 'outcome', render: (o: string) => outcomeName(o) },
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
