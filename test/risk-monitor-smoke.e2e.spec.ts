import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './support/system.js';

let system: TestSystem;
beforeAll(async () => { system = await startTestSystem('single-server'); });
afterAll(async () => { await system?.stopAll(); });

it('smoke', async () => {
  const token = await system.login('supervisor');
  const f = await system.http().get('/api/risk-monitor/forecast?asOf=2026-12-04T17:00:00%2B08:00').set({ Authorization: `Bearer ${token}` });
  console.log(f.status, JSON.stringify(f.body).slice(0, 500));
  const s = await system.http().post('/api/risk-monitor/scan').set({ Authorization: `Bearer ${token}` });
  console.log(s.status, s.body);
  await new Promise((r) => setTimeout(r, 3000));
  const g = await system.http().get(`/api/risk-monitor/scans/${s.body.scanId}`).set({ Authorization: `Bearer ${token}` });
  console.log(g.status, g.body);
  const t = await system.http().get(`/api/analytics/turnaround?groupBy=clerk&from=2025-01-01`).set({ Authorization: `Bearer ${token}` });
  console.log(t.status, JSON.stringify(t.body).slice(0, 500));
  const c = await system.http().get(`/api/analytics/ratings?format=csv`).set({ Authorization: `Bearer ${token}` });
  console.log(c.status, c.headers['content-type'], JSON.stringify(c.text));
  expect(1).toBe(1);
});
