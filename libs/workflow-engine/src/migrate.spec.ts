import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from './definition.js';
import { decide } from './decide.js';
import { checkStepMapping, migrateCase } from './migrate.js';
import { openTasks } from './state.js';
import { CaseRun } from './testing/case-run.js';
import { jointDefinition } from './testing/fixtures.js';
import { atReview, foodLicence } from './testing/food-licence.js';


/** Version 2: the review is split into a health-department check (`desk-review`), without transfer. */
function nextVersion(): WorkflowDefinition {
  const v1 = foodLicence();
  return {
    ...v1,
    steps: v1.steps.map((step) =>
      step.id === 'review' && step.type === 'review'
        ? { id: 'desk-review', type: 'review', queue: { department: 'health', role: 'reviewer' }, sla: { workingDays: 3 }, outcomes: { approve: 'joint-check', reject: 'end:rejected' } }
        : step.type === 'auto'
          ? { ...step, outcomes: { true: 'notice', false: 'desk-review' } }
          : step,
    ),
  };
}


describe('checkStepMapping', () => {
  it('accepts a mapping between existing steps of the same kind', () => {
    expect(checkStepMapping(foodLicence(), nextVersion(), { accept: 'accept', review: 'desk-review', notice: 'notice' })).toEqual([]);
  });

  it('names every source or target step that does not exist, and steps of different kinds', () => {
    const problems = checkStepMapping(foodLicence(), nextVersion(), { review: 'review', nowhere: 'accept', accept: 'notice' });
    expect(problems).toEqual([
      { path: 'stepMapping.review', code: 'migration.unknown_target_step', message: expect.stringContaining('"review"') },
      { path: 'stepMapping.nowhere', code: 'migration.unknown_source_step', message: expect.any(String) },
      { path: 'stepMapping.accept', code: 'migration.incompatible_step', message: expect.any(String) },
    ]);
  });

  it('refuses auto and certificate steps, where no case waits for a mapping to matter', () => {
    expect(checkStepMapping(foodLicence(), nextVersion(), { 'instant-check': 'instant-check' }).map((p) => p.code)).toEqual(['migration.incompatible_step']);
  });
});

describe('migrateCase', () => {
  it('reopens a review task at the target step, in its queue, with a fresh id, and the case works on under the new version', () => {
    const run = atReview();
    const old = run.task();
    const move = migrateCase(run.current, nextVersion(), { review: 'desk-review' });
    if (!move.ok) throw new Error(move.message);
    expect(move.cancelTasks).toEqual([old.id]);
    expect(move.openTasks).toEqual([{ task: { id: `c1:task:${run.current.sequence + 1}`, stepId: 'desk-review', department: 'health', role: 'reviewer' }, sla: { workingDays: 3 }, allowedActions: ['approve', 'reject'] }]);
    expect(move.state.status).toBe(run.current.status);
    expect(openTasks(move.state)).toEqual([move.openTasks[0]!.task]);
    // The old task can no longer be decided; the new one, under the new definition, can.
    expect(decide(nextVersion(), move.state, { type: 'approve', taskId: old.id, at: run.now() }).ok).toBe(false);
    const next = decide(nextVersion(), move.state, { type: 'approve', taskId: move.openTasks[0]!.task.id, at: run.now() });
    expect(next.ok && next.state.activity?.stepId).toBe('joint-check');
  });

  it('refuses a case whose step has no mapping, a joint step mid-flight, and a pending rule', () => {
    expect(migrateCase(atReview().current, nextVersion(), { accept: 'accept' })).toMatchObject({ ok: false, code: 'migration.step_unmapped', fromStep: 'review' });
    const joint = new CaseRun(jointDefinition('all'));
    joint.send({ type: 'submit', caseId: 'j1' });
    joint.send({ type: 'accept', taskId: joint.task().id });
    expect(migrateCase(joint.current, jointDefinition('any'), { joint: 'joint' })).toMatchObject({ ok: false, code: 'migration.joint_in_flight' });
    const pending = new CaseRun(foodLicence());
    pending.send({ type: 'submit', caseId: 'p1' });
    pending.send({ type: 'accept', taskId: pending.task().id });
    expect(migrateCase(pending.current, nextVersion(), { 'instant-check': 'instant-check' })).toMatchObject({ ok: false, code: 'migration.evaluation_pending' });
  });

  it('moves a correction notice only to a step that routes the answer, and leaves finished cases alone', () => {
    const run = atReview();
    run.send({ type: 'correction', taskId: run.task().id, missing: [{ key: 'form.floorArea', reason: '面积有误' }] });
    expect(migrateCase(run.current, nextVersion(), { review: 'desk-review' })).toMatchObject({ ok: false, code: 'migration.no_correction_route' });
    const moved = migrateCase(run.current, foodLicence(), { review: 'review' });
    expect(moved).toMatchObject({ ok: true, cancelTasks: [], openTasks: [] });
    expect(moved.ok && moved.state.status).toBe('awaiting_correction');
    const done = new CaseRun(foodLicence());
    done.send({ type: 'submit', caseId: 'd1' });
    done.send({ type: 'refuse', taskId: done.task().id });
    expect(migrateCase(done.current, nextVersion(), { accept: 'accept' })).toMatchObject({ ok: false, code: 'migration.case_finished' });
  });

  it('keeps a running timer, now at the target timer step', () => {
    const run = atReview();
    run.send({ type: 'approve', taskId: run.task().id });
    for (const task of openTasks(run.current)) run.send({ type: 'approve', taskId: task.id });
    expect(run.current.activity?.kind).toBe('timer');
    const move = migrateCase(run.current, nextVersion(), { notice: 'notice' });
    expect(move).toMatchObject({ ok: true, fromStep: 'notice', toStep: 'notice', cancelTasks: [], openTasks: [] });
    expect(move.ok && move.state.activity).toEqual(run.current.activity);
  });
});
