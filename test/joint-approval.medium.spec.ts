import { randomUUID } from 'node:crypto';
import { ClsService } from 'nestjs-cls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseTask } from '../src/cases/case-task.entity.js';
import { CaseTaskStore } from '../src/cases/case-task.store.js';
import { CaseStore } from '../src/cases/case.store.js';
import { JointApprovalJobs } from '../src/joint-approval/joint-approval.jobs.js';
import { TasksService } from '../src/tasks/tasks.service.js';
import { JOINT_PARTICIPANTS, JOINT_STEPS, mediumItem, startMedium, submitCase, type Medium } from './support/medium.js';

/**
 * The joint-approval jobs where their rules live: each reloads what it acts on and does nothing unless the
 * state still expects it, so a job run twice changes nothing more than one run.
 */
let medium: Medium;
let code: string;
let jobs: JointApprovalJobs;

beforeAll(async () => {
  medium = await startMedium();
  code = await mediumItem(medium, 'joint', JOINT_STEPS);
  jobs = medium.get(JointApprovalJobs);
});

afterAll(async () => {
  await medium?.system.stopAll();
});

/** Jobs run as the worker runs them: in a CLS context, their own @Transactional() inside. */
const run = <T>(job: () => Promise<T>) => medium.get(ClsService).run(job);
const tasksOf = (caseId: string) => medium.inTx(() => medium.get(CaseTaskStore).forCase(caseId));

async function acceptedCase(): Promise<string> {
  const caseId = await submitCase(medium, 'citizen1', code);
  const [accept] = await tasksOf(caseId);
  await medium.inTx(async () => medium.get(TasksService).decide(accept.id, await medium.caller('clerk.market-regulation'), { action: 'accept' }));
  return caseId;
}

/** Fans the joint step out and approves each participant's task as its clerk, `then` after each; answers the tasks. */
async function approveJoint(caseId: string, then: (task: CaseTask) => Promise<void> = async () => undefined): Promise<CaseTask[]> {
  await run(() => jobs.fanOut({ caseId, stepId: 'joint' }));
  const joint = (await tasksOf(caseId)).filter((t) => t.stepId === 'joint');
  for (const task of joint) {
    const clerk = await medium.caller(`clerk.${task.departmentCode}`);
    await medium.inTx(() => medium.get(TasksService).decide(task.id, clerk, { action: 'approve' }));
    await then(task);
  }
  return joint;
}

describe('joint-approval jobs (medium)', () => {
  it('fans out one task per participant, once', async () => {
    const caseId = await submitCase(medium, 'citizen1', code);
    expect(await run(() => jobs.fanOut({ caseId, stepId: 'joint' }))).toBe('skipped');
    await medium.inTx(async () => medium.get(TasksService).decide((await tasksOf(caseId))[0].id, await medium.caller('clerk.market-regulation'), { action: 'accept' }));
    expect(await run(() => jobs.fanOut({ caseId, stepId: 'joint' }))).toBe(3);
    expect(await run(() => jobs.fanOut({ caseId, stepId: 'joint' }))).toBe(0);
    const joint = (await tasksOf(caseId)).filter((t) => t.stepId === 'joint');
    expect(joint.map((t) => t.departmentCode).sort()).toEqual(JOINT_PARTICIPANTS);
    expect(joint.every((t) => t.status === 'open' && t.dueAt !== null)).toBe(true);
    expect(await run(() => jobs.fanOut({ caseId: randomUUID(), stepId: 'joint' }))).toBe('skipped');
  });

  it('applies each recorded decision once, and the join approves the case with one licence', async () => {
    const caseId = await acceptedCase();
    await approveJoint(caseId, async (task) => {
      expect((await medium.inTx(() => medium.get(CaseTaskStore).get(task.id)))?.status).toBe('decided');
      expect(await run(() => jobs.applyDecision({ taskId: task.id }))).toBe('applied');
      expect(await run(() => jobs.applyDecision({ taskId: task.id }))).toBe('skipped');
    });
    const record = await medium.inTx(() => medium.get(CaseStore).getOrFail(caseId));
    expect(record.status).toBe('approved');
    expect((await tasksOf(caseId)).filter((t) => t.stepId === 'joint').map((t) => t.status)).toEqual(['completed', 'completed', 'completed']);
    const approvals = await medium.db.query(`SELECT count(*)::int AS n FROM case_history WHERE case_id = $1 AND action = 'approve'`, [caseId]);
    expect(approvals[0].n).toBe(3);
    expect((await medium.db.query(`SELECT count(*)::int AS n FROM certificate WHERE case_id = $1`, [caseId]))[0].n).toBe(1);
  });

  it('applies the decisions of departments that decided at once, each job in turn, none failing to retry', async () => {
    const caseId = await acceptedCase();
    const joint = await approveJoint(caseId);
    const outcomes = await Promise.allSettled(joint.map((task) => run(() => jobs.applyDecision({ taskId: task.id }))));
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual(['applied', 'applied', 'applied']);
    expect((await medium.inTx(() => medium.get(CaseStore).getOrFail(caseId))).status).toBe('approved');
    const history: { seq: number; prev_hash: string; hash: string }[] = await medium.db.query(`SELECT seq, prev_hash, hash FROM case_history WHERE case_id = $1 ORDER BY seq`, [caseId]);
    for (let i = 1; i < history.length; i++) expect(history[i]!.prev_hash).toBe(history[i - 1]!.hash);
  });

  it('keeps a vote that arrives after the join was decided, and changes the case no more', async () => {
    const caseId = await acceptedCase();
    await run(() => jobs.fanOut({ caseId, stepId: 'joint' }));
    const [first, second] = (await tasksOf(caseId)).filter((t) => t.stepId === 'joint');
    const firstClerk = await medium.caller(`clerk.${first.departmentCode}`);
    const secondClerk = await medium.caller(`clerk.${second.departmentCode}`);
    await medium.inTx(() => medium.get(TasksService).decide(first.id, firstClerk, { action: 'reject' }));
    await medium.inTx(() => medium.get(TasksService).decide(second.id, secondClerk, { action: 'approve' }));
    expect(await run(() => jobs.applyDecision({ taskId: first.id }))).toBe('applied');
    expect((await medium.inTx(() => medium.get(CaseStore).getOrFail(caseId))).status).toBe('rejected');
    expect(await run(() => jobs.applyDecision({ taskId: second.id }))).toBe('skipped');
    expect(await medium.inTx(() => medium.get(CaseTaskStore).get(second.id))).toMatchObject({ status: 'completed', outcome: 'approve', closedBy: secondClerk.id });
  });

  it('skips the progress of a bundle that does not exist', async () => {
    expect(await run(() => jobs.bundleProgress({ parentId: randomUUID() }))).toBe('skipped');
  });
});
