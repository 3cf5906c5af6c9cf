import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedDecision } from '../src/cases/case-task.entity.js';
import { CaseTaskStore, type NewTask } from '../src/cases/case-task.store.js';
import { JOINT_STEPS, mediumItem, startMedium, submitCase, type Medium } from './support/medium.js';

/** The store of `case_task`, owned by the cases module: its queue, its leases and its once-only decisions. */
let medium: Medium;
let code: string;
let store: CaseTaskStore;

beforeAll(async () => {
  medium = await startMedium();
  code = await mediumItem(medium, 'store', JOINT_STEPS);
  store = medium.get(CaseTaskStore);
});

afterAll(async () => {
  await medium?.system.stopAll();
});

const decision = (actorId: string): RecordedDecision => ({ action: 'approve', comment: null, missing: [], actorId, actorName: '测试', decidedAt: new Date(0).toISOString() });

async function caseWithTasks(n: number): Promise<{ caseId: string; tasks: NewTask[] }> {
  const caseId = await submitCase(medium, 'citizen1', code);
  const tasks = Array.from({ length: n }, (_, i) => ({
    id: `${caseId}:task:m${i}`,
    caseId,
    stepId: 'joint',
    departmentCode: 'health',
    role: 'clerk',
    allowedActions: ['approve', 'reject'],
    dueAt: new Date(Date.UTC(2030, 0, 1 + i)),
  }));
  return { caseId, tasks };
}

describe('CaseTaskStore (medium)', () => {
  it('opens tasks once: a repeated opening leaves them as they are', async () => {
    const { caseId, tasks } = await caseWithTasks(2);
    expect(await medium.inTx(() => store.open(tasks))).toBe(2);
    const clerk = await medium.caller('clerk.health');
    await medium.inTx(() => store.claim(tasks[0].id, clerk.id, new Date(Date.UTC(2030, 0, 1))));
    expect(await medium.inTx(() => store.open(tasks))).toBe(0);
    expect((await medium.inTx(() => store.get(tasks[0].id)))?.status).toBe('claimed');
    expect((await medium.inTx(() => store.forCase(caseId))).map((t) => t.id)).toEqual(expect.arrayContaining(tasks.map((t) => t.id)));
  });

  it("lists a department's queue with the case's number, by deadline, and filters by status and case", async () => {
    const { caseId, tasks } = await caseWithTasks(3);
    await medium.inTx(() => store.open(tasks));
    const clerk = await medium.caller('clerk.health');
    await medium.inTx(() => store.claim(tasks[1].id, clerk.id, new Date(Date.UTC(2030, 0, 1))));
    const open = await medium.inTx(() => store.queue({ departmentCode: 'health', statuses: ['open'], caseId, limit: 10 }));
    expect(open.map((t) => t.id)).toEqual([tasks[0].id, tasks[2].id]);
    expect(open[0].caseNo).toMatch(/\S/);
    expect(open[0].serviceItemCode).toBe(code);
    const both = await medium.inTx(() => store.queue({ departmentCode: 'health', statuses: ['open', 'claimed'], caseId, limit: 1 }));
    expect(both.map((t) => t.id)).toEqual([tasks[0].id, tasks[1].id]);
    expect(await medium.inTx(() => store.queue({ departmentCode: 'fire-rescue', statuses: ['open', 'claimed'], caseId, limit: 10 }))).toEqual([]);
  });

  it('finds a task only in its own department, with the parties of its case', async () => {
    const { tasks } = await caseWithTasks(1);
    await medium.inTx(() => store.open(tasks));
    const citizen = await medium.caller('citizen1');
    expect(await medium.inTx(() => store.inDepartment(tasks[0].id, 'fire-rescue'))).toBeNull();
    expect(await medium.inTx(() => store.inDepartment(tasks[0].id, 'health', true))).toMatchObject({ id: tasks[0].id, applicantId: citizen.id, agentId: null, enteredBy: null });
  });

  it('records a participant decision once, and keeps the vote when the task is then cancelled', async () => {
    const { tasks } = await caseWithTasks(2);
    await medium.inTx(() => store.open(tasks));
    const clerk = await medium.caller('clerk.health');
    const at = new Date(Date.UTC(2030, 0, 2));
    expect(await medium.inTx(() => store.recordDecision(tasks[0].id, decision(clerk.id), clerk.id, at))).toBe(true);
    expect(await medium.inTx(() => store.recordDecision(tasks[0].id, decision(clerk.id), clerk.id, at))).toBe(false);
    await medium.inTx(() => store.cancel(tasks[0].id, 'join_decided', new Date(Date.UTC(2030, 0, 3))));
    await medium.inTx(() => store.cancel(tasks[1].id, 'join_decided', new Date(Date.UTC(2030, 0, 3))));
    const [voted, open] = await Promise.all(tasks.map((t) => medium.inTx(() => store.get(t.id))));
    expect(voted).toMatchObject({ status: 'completed', outcome: 'approve', closedBy: clerk.id, closedAt: at, leaseUntil: null });
    expect(open).toMatchObject({ status: 'cancelled', outcome: 'join_decided', closedAt: new Date(Date.UTC(2030, 0, 3)) });
  });

  it('releases a claimed task to the queue and stamps who closed one', async () => {
    const { tasks } = await caseWithTasks(1);
    await medium.inTx(() => store.open(tasks));
    const clerk = await medium.caller('clerk.health');
    await medium.inTx(() => store.claim(tasks[0].id, clerk.id, new Date(Date.UTC(2030, 0, 1))));
    await medium.inTx(() => store.release(tasks[0].id));
    expect(await medium.inTx(() => store.get(tasks[0].id))).toMatchObject({ status: 'open', claimedBy: null, leaseUntil: null });
    await medium.inTx(() => store.complete(tasks[0].id, 'approve', new Date(Date.UTC(2030, 0, 4))));
    await medium.inTx(() => store.stampClosedBy(tasks[0].id, clerk.id));
    expect(await medium.inTx(() => store.get(tasks[0].id))).toMatchObject({ status: 'completed', outcome: 'approve', closedBy: clerk.id });
  });
});
