import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleForm, requiredMaterials, serviceItem } from './support/applicant.js';
import { auth, decide, waitForTask } from './support/drive.js';
import { PARTICIPANTS, itemWithJoint } from './support/joint-item.js';
import { startTestSystem, type TestSystem } from './support/system.js';

/**
 * Embedded mode (PGlite behind our wire server, BullMQ's PostgreSQL backend on it), in-process:
 * the queue answers, a 联办 case runs through its workers with departments deciding at the same
 * moment, and everything is still there after a restart on the same DATA_DIR.
 */
describe('embedded mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ywtb-embedded-e2e-'));
  let system: TestSystem | undefined;

  afterAll(async () => {
    await system?.stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is healthy with the queue on the embedded database, runs a joint approval through its workers, and keeps it across a restart', async () => {
    system = await startTestSystem('embedded', { DATA_DIR: dataDir });
    const health = await system.http().get('/api/health').expect(200);
    expect(health.body.info).toMatchObject({ database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } });

    const [admin, citizen] = await Promise.all(['admin', 'citizen1'].map((user) => system!.login(user)));
    const code = await itemWithJoint(system, admin, 'all');
    const item = await serviceItem(system, code);
    const submitted = await system
      .http()
      .post('/api/cases')
      .set(auth(citizen))
      .send({ serviceItemCode: code, form: exampleForm(item), materials: await requiredMaterials(system, citizen, item) })
      .expect(201);
    const caseId = submitted.body.id as string;
    const accept = await waitForTask(system, 'market-regulation', caseId, 'accept');
    await decide(system, 'market-regulation', accept.id, { action: 'accept' });
    const tasks = await Promise.all(PARTICIPANTS.map((department) => waitForTask(system!, department, caseId, 'joint')));
    await Promise.all(PARTICIPANTS.map((department, i) => decide(system!, department, tasks[i]!.id, { action: 'approve' })));
    const finished = async () => (await system!.http().get(`/api/cases/${caseId}`).set(auth(citizen)).expect(200)).body;
    await expect.poll(async () => (await finished()).status, { timeout: 30_000, interval: 200 }).toBe('approved');
    expect((await finished()).certificates).toHaveLength(1);
    // The notification worker told the applicant.
    await expect
      .poll(async () => (await system!.http().get('/api/my/notifications').set(auth(citizen)).expect(200)).body.items.length, { timeout: 15_000 })
      .toBeGreaterThan(0);

    await system.close();
    system = await startTestSystem('embedded', { DATA_DIR: dataDir });
    const token = await system.login('citizen1');
    const again = (await system.http().get(`/api/cases/${caseId}`).set(auth(token)).expect(200)).body;
    expect(again).toMatchObject({ status: 'approved', caseNo: submitted.body.caseNo });
    expect(again.certificates).toHaveLength(1);
    await system.http().get('/api/health').expect(200);
    // The keys were generated on first start, kept for this user only, and read again: the history still verifies.
    for (const file of ['data.key', 'history.key', 'history-signing.key']) expect(statSync(join(dataDir, 'keys', file)).mode & 0o777).toBe(0o600);
    const supervisor = await system.login('supervisor');
    expect((await system.http().get(`/api/cases/${caseId}/history/verify`).set(auth(supervisor)).expect(200)).body).toEqual({ valid: true });
    await system.http().post('/api/audit/history-checkpoints').set(auth(supervisor)).expect(201);
    expect((await system.http().get('/api/audit/history-checkpoints/verify').set(auth(supervisor)).expect(200)).body).toMatchObject({ valid: true, brokenCount: 0, checkpoint: { signatureValid: true } });
  }, 180_000);
});
