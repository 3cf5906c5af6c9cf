import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem } from './support/applicant.js';
import { auth, decide, waitForTask } from './support/drive.js';
import { startTestSystem, type TestSystem } from './support/system.js';
import { logOutput } from '../src/http/logging.js';

/** Metrics, and the log lines of case events and jobs (issue 15). */
const METRICS_TOKEN = 'metrics-token-for-the-observability-test';
let system: TestSystem;
const written: string[] = [];

beforeAll(async () => {
  // The log leaves asynchronously, past process.stdout (src/http/logging.ts): read each line as it goes.
  const write = logOutput.write.bind(logOutput);
  vi.spyOn(logOutput, 'write').mockImplementation((text: string) => {
    written.push(text);
    write(text);
  });
  system = await startTestSystem('single-server', { LOG_LEVEL: 'info', METRICS_TOKEN });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await system?.stopAll();
});

const jsonLines = (): Array<Record<string, unknown>> =>
  written
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const METRICS = [
  'ywtb_http_request_duration_seconds',
  'ywtb_queue_jobs',
  'ywtb_outbox_backlog',
  'ywtb_outbox_oldest_age_seconds',
  'ywtb_timers_pending',
  'ywtb_timers_overdue',
  'ywtb_jobs_total',
  'ywtb_job_duration_seconds',
  'ywtb_cases',
  'ywtb_risk_flags_open',
  'ywtb_benefit_run_chunks',
];

describe('a case submitted and accepted', () => {
  let caseId: string;
  it('submits and accepts the case', async () => {
    const citizen = await system.login('citizen1');
    const item = await serviceItem(system, '2201-SC-0001');
    const materials = await requiredMaterials(system, citizen, item, ['foodSafetySystem']);
    const { body } = await system.http().post('/api/cases').set(auth(citizen)).send({ serviceItemCode: item.code, form: exampleForm(item, { floorArea: 350.0 }), materials }).expect(201);
    caseId = body.id;
    const task = await waitForTask(system, 'market-regulation', caseId, 'accept');
    await decide(system, 'market-regulation', task.id, { action: 'accept' });
    await system.http().get(`/api/cases/${caseId}`).set(auth(citizen)).expect(200);
  });

  it('serves every metric to an admin or the scraper token, and nobody else', async () => {
    await system.http().get('/api/metrics').expect(401);
    await system.http().get('/api/metrics').set(auth(await system.login('supervisor'))).expect(403);
    await system.http().get('/api/metrics').set(auth(METRICS_TOKEN)).expect(200);
    // The jobs the case caused have run by the time the risk check of the acceptance is done.
    await expect.poll(async () => (await system.http().get('/api/metrics').set(auth(METRICS_TOKEN))).text, { timeout: 20_000 }).toMatch(/ywtb_jobs_total\{job="risk\.check-case",outcome="completed"\}/);
    const text = (await system.http().get('/api/metrics').set(auth(await system.login('admin'))).expect(200)).text;
    for (const name of METRICS) expect(text, name).toContain(`# TYPE ${name} `);
    // Latency by route template, never by path (a case id in a label would be a series per case).
    expect(text).toMatch(/ywtb_http_request_duration_seconds_bucket\{[^}]*route="\/api\/cases\/:id"[^}]*status="200"/);
    expect(text).not.toContain(caseId);
    expect(text).toMatch(/ywtb_queue_jobs\{queue="workflow",state="waiting"\} \d+/);
    expect(text).toMatch(/ywtb_cases\{status="[a-z_]+"\} [1-9]/);
    expect(text).toMatch(/ywtb_outbox_backlog \d+/);
  });

  it('logs one JSON line per case event and per job, with ids and outcomes and no personal data', async () => {
    await expect.poll(() => jsonLines().filter((line) => line.event === 'case' && line.caseId === caseId).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const events = jsonLines().filter((line) => line.event === 'case' && line.caseId === caseId);
    expect(events.map((line) => line.action)).toEqual(expect.arrayContaining(['submit', 'accept']));
    for (const line of events) expect(Object.keys(line)).not.toEqual(expect.arrayContaining(['actor', 'comment', 'form']));
    const jobs = jsonLines().filter((line) => line.event === 'job' && line.caseId === caseId);
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs[0]).toMatchObject({ job: expect.any(String), outcome: 'completed', durationMs: expect.any(Number), queue: expect.any(String) });
  });
});
