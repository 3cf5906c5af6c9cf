import { readFileSync } from 'node:fs';
import { register } from 'prom-client';
import { describe, expect, it } from 'vitest';
import './metrics.js';

/** The Grafana dashboard in ops/ plots only metrics the program exports. */
describe('ops/grafana/ywtb-operations.json', () => {
  it('uses only ywtb_* metrics that metrics.ts registers, and every one of them', () => {
    const dashboard = JSON.parse(readFileSync(new URL('../../ops/grafana/ywtb-operations.json', import.meta.url), 'utf8')) as { panels: Array<{ targets: Array<{ expr: string }> }> };
    const used = new Set(dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => target.expr.match(/ywtb_\w+/g) ?? [])).map((name) => name.replace(/_(bucket|count|sum)$/, '')));
    const exported = register.getMetricsAsArray().map((metric) => metric.name).filter((name) => name.startsWith('ywtb_'));
    expect([...used].filter((name) => !exported.includes(name))).toEqual([]);
    expect(exported.filter((name) => !used.has(name))).toEqual([]);
  });
});
