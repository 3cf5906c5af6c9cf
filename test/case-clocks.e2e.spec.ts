import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClockService } from '../src/time/clock.service.js';
import { exampleForm, requiredMaterials, serviceItem, upload } from './support/applicant.js';
import { auth, decide, waitForTask } from './support/drive.js';
import { privateDatabase, type PrivateDatabase } from './support/private-database.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/** The dual legal clocks on real cases (issue 9), with the system's time set by the test. */

const at = (iso: string) => new Date(iso);
/** The China-time calendar date of an instant. */
const chinaDate = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

function controlTime(system: TestSystem): { set(instant: Date): void } {
  let current = new Date();
  vi.spyOn(system.app.get(ClockService), 'now').mockImplementation(() => new Date(current));
  return { set: (instant) => (current = instant) };
}

async function submitFoodLicence(system: TestSystem, citizen: string): Promise<string> {
  const item = await serviceItem(system, '2201-SC-0001');
  const materials = await requiredMaterials(system, citizen, item, ['foodSafetySystem']);
  const { body } = await system.http().post('/api/cases').set(auth(citizen)).send({ serviceItemCode: item.code, form: exampleForm(item, { floorArea: 350.0 }), materials }).expect(201);
  return body.id as string;
}

async function view(system: TestSystem, token: string, id: string) {
  return (await system.http().get(`/api/cases/${id}`).set(auth(token)).expect(200)).body;
}

async function plusWorkingDays(system: TestSystem, from: string, days: number): Promise<string> {
  return (await system.http().get('/api/calendar/add-working-days').query({ from, days }).expect(200)).body.date;
}

describe('a correction after acceptance', () => {
  let system: TestSystem;
  let citizen: string;
  beforeAll(async () => {
    system = await startTestSystem('single-server');
    citizen = await system.login('citizen1');
  });
  afterAll(async () => system?.stopAll());

  it('that waits 3 working days leaves the case with deadlines 3 working days later than one without', async () => {
    const time = controlTime(system);
    time.set(at('2026-12-07T02:00:00Z')); // Monday 10:00 in 长春
    const [waited, straight] = [await submitFoodLicence(system, citizen), await submitFoodLicence(system, citizen)];
    for (const id of [waited, straight]) {
      const task = await waitForTask(system, 'market-regulation', id, 'accept');
      await decide(system, 'market-regulation', task.id, { action: 'accept' });
    }
    const review = await waitForTask(system, 'market-regulation', waited, 'review');
    await waitForTask(system, 'market-regulation', straight, 'review');

    time.set(at('2026-12-08T02:00:00Z')); // Tuesday
    await decide(system, 'market-regulation', review.id, { action: 'correction', missing: [{ key: 'premisesProof', reason: '租赁合同已过期' }] });
    const paused = await view(system, citizen, waited);
    expect(paused.status).toBe('awaiting_correction');
    expect(paused.clock.paused).toBe(true);

    time.set(at('2026-12-11T02:00:00Z')); // Friday: Wednesday, Thursday and Friday were spent waiting
    const proof = await upload(system, citizen, 'premisesProof-renewed');
    await system.http().post(`/api/cases/${waited}/corrections`).set(auth(citizen)).send({ materials: [{ key: 'premisesProof', fileId: proof }] }).expect(200);

    // Both decided the same day; the finished cases keep their deadlines.
    time.set(at('2026-12-14T02:00:00Z'));
    for (const id of [waited, straight]) {
      await decide(system, 'market-regulation', (await waitForTask(system, 'market-regulation', id, 'review')).id, { action: 'approve' });
      await decide(system, 'market-regulation', (await waitForTask(system, 'market-regulation', id, 'site-inspection')).id, { action: 'approve' });
    }
    const [a, b] = [await view(system, citizen, waited), await view(system, citizen, straight)];
    expect([a.status, b.status]).toEqual(['approved', 'approved']);
    expect(a.clock.pausedWorkingDays).toBe(3);
    expect(b.clock.pausedWorkingDays).toBe(0);
    expect(chinaDate(a.deadlines.statutory)).toBe(await plusWorkingDays(system, chinaDate(b.deadlines.statutory), 3));
    expect(chinaDate(a.deadlines.promised)).toBe(await plusWorkingDays(system, chinaDate(b.deadlines.promised), 3));
    const timeline = a.timeline.map((t: { action: string }) => t.action);
    expect(timeline).toContain('correction_answered');
  });

  it('stops for an expert review at the clerk’s word, and moves by an approved extension', async () => {
    const time = controlTime(system);
    time.set(at('2026-12-07T02:00:00Z'));
    const id = await submitFoodLicence(system, citizen);
    await decide(system, 'market-regulation', (await waitForTask(system, 'market-regulation', id, 'accept')).id, { action: 'accept' });
    const review = await waitForTask(system, 'market-regulation', id, 'review');
    const before = await view(system, citizen, id);

    const clerk = auth(await system.login('clerk.market-regulation'));
    const pausePath = `/api/tasks/${encodeURIComponent(review.id)}/clock/pause`;
    await system.http().post(pausePath).set(clerk).send({ reason: 'lunch', comment: 'x' }).expect(400);
    await system.http().post(pausePath).set(clerk).send({ reason: 'expert_review', comment: '组织专家评审' }).expect(200);
    await system.http().post(pausePath).set(clerk).send({ reason: 'hearing', comment: '听证' }).expect(409);
    time.set(at('2026-12-09T02:00:00Z')); // two working days later
    await system.http().post(`/api/tasks/${encodeURIComponent(review.id)}/clock/resume`).set(clerk).send({}).expect(200);
    const resumed = await view(system, citizen, id);
    expect(chinaDate(resumed.deadlines.statutory)).toBe(await plusWorkingDays(system, chinaDate(before.deadlines.statutory), 2));

    const supervisor = auth(await system.login('supervisor'));
    await system.http().post(`/api/cases/${id}/extensions`).set(clerk).send({ workingDays: 10, reason: '复杂' }).expect(403);
    await system.http().post(`/api/cases/${id}/extensions`).set(supervisor).send({ workingDays: 10, reason: '案情复杂，经负责人批准延长十个工作日' }).expect(200);
    const extended = await view(system, citizen, id);
    expect(chinaDate(extended.deadlines.statutory)).toBe(await plusWorkingDays(system, chinaDate(resumed.deadlines.statutory), 10));
    expect(extended.clock.extendedWorkingDays).toBe(10);
    expect(extended.timeline.map((t: { action: string }) => t.action)).toEqual(expect.arrayContaining(['clock_paused', 'clock_resumed', 'deadline_extended']));
  });
});

describe('loading the 2027 notice', () => {
  let database: PrivateDatabase;
  let system: TestSystem;
  afterAll(async () => {
    await system?.stopAll();
    await database?.drop();
  });

  it('recomputes the open cases whose deadlines counted provisional 2027 days, records it and tells the applicant', async () => {
    database = await privateDatabase('case_clocks');
    system = await startTestSystem('single-server', { DATABASE_URL: database.url });
    const citizen = await system.login('citizen1');
    const admin = await system.login('admin');
    const time = controlTime(system);
    time.set(at('2026-12-21T02:00:00Z')); // Monday: 20 working days reach well into January 2027
    const id = await submitFoodLicence(system, citizen);
    await decide(system, 'market-regulation', (await waitForTask(system, 'market-regulation', id, 'accept')).id, { action: 'accept' });
    const before = await view(system, citizen, id);
    expect(before.deadlines.provisional).toBe(true);

    // The notice as published differs from the statutory rules: an extra day off on Monday 4 January.
    const days = (await system.http().get('/api/calendar/days').query({ from: '2027-01-01', to: '2027-12-31' }).expect(200)).body.items as { date: string; isWorkday: boolean; note: string | null }[];
    const statutoryDaysOff = days.filter((d) => !d.isWorkday && d.note).map((d) => d.date);
    const loaded = await system
      .http()
      .put('/api/calendar/years/2027')
      .set(auth(admin))
      .send({ holidays: [...new Set([...statutoryDaysOff, '2027-01-04'])].sort(), workdays: [], source: '测试用：2027年部分节假日安排' })
      .expect(200);
    expect(loaded.body.recomputedCases).toBeGreaterThanOrEqual(1);

    const after = await view(system, citizen, id);
    expect(after.deadlines.provisional).toBe(false);
    expect(chinaDate(after.deadlines.statutory)).toBe(await plusWorkingDays(system, chinaDate(before.deadlines.statutory), 1));
    expect(after.timeline.at(-1)).toMatchObject({ action: 'deadlines_recomputed' });
    await expect
      .poll(async () => {
        const { body } = await system.http().get('/api/my/notifications').set(auth(citizen)).expect(200);
        return (body.items as { template: string }[]).some((n) => n.template === 'case.deadlines_changed');
      }, { timeout: 10_000 })
      .toBe(true);
  });
});
