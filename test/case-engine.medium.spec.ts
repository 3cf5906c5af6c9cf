import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEngine, SYSTEM } from '../src/cases/case-engine.service.js';
import { CaseTaskStore } from '../src/cases/case-task.store.js';
import { CaseStore } from '../src/cases/case.store.js';
import { ProblemException } from '../src/http/problem.js';
import { TasksService } from '../src/tasks/tasks.service.js';
import { JOINT_STEPS, mediumItem, startMedium, submitCase, type Medium } from './support/medium.js';

/** The case engine where its rules live: state, tasks, history chain and jobs written in one transaction. */
let medium: Medium;
let code: string;

beforeAll(async () => {
  medium = await startMedium();
  code = await mediumItem(medium, 'engine', JOINT_STEPS);
});

afterAll(async () => {
  await medium?.system.stopAll();
});

const historyOf = (caseId: string): Promise<{ seq: number; action: string; prev_hash: string; hash: string }[]> =>
  medium.db.query(`SELECT seq, action, prev_hash, hash FROM case_history WHERE case_id = $1 ORDER BY seq`, [caseId]);

const jobsOf = (caseId: string): Promise<{ job_name: string }[]> =>
  medium.db.query(`SELECT job_name FROM outbox_message WHERE payload->>'caseId' = $1 ORDER BY id`, [caseId]);

describe('case engine (medium)', () => {
  it('opens the first task of a submitted case and starts its history chain', async () => {
    const caseId = await submitCase(medium, 'citizen1', code);
    const tasks = await medium.inTx(() => medium.get(CaseTaskStore).forCase(caseId));
    expect(tasks.map((t) => ({ stepId: t.stepId, departmentCode: t.departmentCode, status: t.status }))).toEqual([
      { stepId: 'accept', departmentCode: 'market-regulation', status: 'open' },
    ]);
    const history = await historyOf(caseId);
    expect(history.length).toBeGreaterThanOrEqual(1);
    expect(history[0].seq).toBe(1);
    for (let i = 1; i < history.length; i++) expect(history[i].prev_hash).toBe(history[i - 1].hash);
    const record = await medium.inTx(() => medium.get(CaseStore).getOrFail(caseId));
    expect(record.historySeq).toBe(history.length);
    expect(record.historyHead).not.toBeNull();
  });

  it('moves the case on a decision, closes the task as the clerk decided it and queues the joint fan-out', async () => {
    const caseId = await submitCase(medium, 'citizen1', code);
    const clerk = await medium.caller('clerk.market-regulation');
    const [accept] = await medium.inTx(() => medium.get(CaseTaskStore).forCase(caseId));
    const result = await medium.inTx(() => medium.get(TasksService).decide(accept.id, clerk, { action: 'accept' }));
    expect(result.caseId).toBe(caseId);
    const task = await medium.inTx(() => medium.get(CaseTaskStore).get(accept.id));
    expect(task).toMatchObject({ status: 'completed', outcome: 'accept', closedBy: clerk.id });
    const record = await medium.inTx(() => medium.get(CaseStore).getOrFail(caseId));
    expect(record.engineState?.activity).toMatchObject({ kind: 'joint', stepId: 'joint' });
    expect((await jobsOf(caseId)).map((j) => j.job_name)).toContain('joint.fan-out');
    expect((await historyOf(caseId)).map((h) => h.action)).toContain('accept');
  });

  it('refuses a change made on a stale copy of the case, and writes nothing of it', async () => {
    const caseId = await submitCase(medium, 'citizen1', code);
    const cases = medium.get(CaseStore);
    const engine = medium.get(CaseEngine);
    const [first, stale] = await Promise.all([medium.inTx(() => cases.getOrFail(caseId)), medium.inTx(() => cases.getOrFail(caseId))]);
    await medium.inTx(() => engine.apply(first, { type: 'withdraw' }, SYSTEM));
    const before = await historyOf(caseId);
    const refused = await medium.inTx(() => engine.apply(stale, { type: 'withdraw' }, SYSTEM)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemException);
    expect((refused as ProblemException).code).toBe('case.concurrent_change');
    expect(await historyOf(caseId)).toEqual(before);
    const tasks = await medium.inTx(() => medium.get(CaseTaskStore).forCase(caseId));
    expect(tasks.map((t) => t.status)).toEqual(['cancelled']);
    expect((await medium.inTx(() => cases.getOrFail(caseId))).status).toBe('withdrawn');
  });
});
