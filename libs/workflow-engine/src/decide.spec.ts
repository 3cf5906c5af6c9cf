import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import type { WorkflowDefinition } from './definition.js';
import type { CaseEvent } from './events.js';
import { currentSteps, openCorrection, openTasks, pendingEvaluation, runningTimers } from './state.js';
import { CaseRun, effectOf, effectTypes } from './testing/case-run.js';
import { jointDefinition } from './testing/fixtures.js';
import { atReview, foodLicence } from './testing/food-licence.js';


describe('decide: intake', () => {
  it('starts a submitted case with an accept task at the first step and no clock', () => {
    const run = new CaseRun(foodLicence());
    const effects = run.send({ type: 'submit', caseId: 'c1' });
    expect(run.current.status).toBe('submitted');
    expect(run.current.clock).toBe('not_started');
    expect(effects).toEqual([
      {
        type: 'open_task',
        task: { id: 'c1:task:1', stepId: 'accept', department: 'market-regulation', role: 'clerk' },
        sla: { workingDays: 1 },
        allowedActions: ['accept', 'refuse', 'correction'],
      },
    ]);
  });

  it('accepting starts the clock, tells the applicant, and runs the instant check', () => {
    const run = new CaseRun(foodLicence());
    run.send({ type: 'submit', caseId: 'c1' });
    const effects = run.send({ type: 'accept', taskId: 'c1:task:1' });
    expect(effectTypes(effects)).toEqual(['complete_task', 'start_clock', 'notify', 'evaluate_rule']);
    expect(effectOf(effects, 'evaluate_rule')).toMatchObject({ purpose: 'auto', stepId: 'instant-check', expression: expect.stringContaining('creditLevel') });
    expect(run.current).toMatchObject({ status: 'accepted', clock: 'running', acceptedAt: run.now() });
  });

  it('moves from accepted to in_review at the next event', () => {
    const run = atReview();
    expect(run.current.status).toBe('in_review');
    expect(currentSteps(run.current)).toEqual(['review']);
  });

  it('refusing ends the case refused with nothing left open', () => {
    const run = new CaseRun(foodLicence());
    run.send({ type: 'submit', caseId: 'c1' });
    const effects = run.send({ type: 'refuse', taskId: 'c1:task:1' });
    expect(effectTypes(effects)).toEqual(['complete_task', 'finish_case', 'notify']);
    expect(run.current).toMatchObject({ status: 'refused', activity: null, clock: 'stopped' });
    expect(run.attempt({ type: 'withdraw' })).toMatchObject({ ok: false, error: { code: 'engine.case_finished' } });
  });

  it('accepts on submission when the first step offers no accept (秒批 without intake)', () => {
    const run = new CaseRun({
      key: 'instant',
      name: 'instant',
      steps: [{ id: 'check', type: 'auto', rule: 'applicant.age >= 80', outcomes: { true: 'end:approved', false: 'end:rejected' } }],
    });
    const effects = run.send({ type: 'submit', caseId: 'c9' });
    expect(effectTypes(effects)).toEqual(['start_clock', 'notify', 'evaluate_rule']);
    expect(run.current.status).toBe('accepted');
    run.send({ type: 'rule_evaluated', evaluationId: 'c9:rule:1', result: true });
    expect(run.current.status).toBe('approved');
  });
});

describe('decide: the food licence end to end', () => {
  it('goes review -> joint (all) -> 公示 with the clock paused -> certificate -> approved', () => {
    const run = atReview();
    run.send({ type: 'approve', taskId: run.task().id });
    expect(currentSteps(run.current)).toEqual(['joint-check']);

    run.send({ type: 'approve', taskId: run.task('fire-rescue').id });
    expect(openTasks(run.current).map((task) => task.department)).toEqual(['urban-management']);
    const timerStart = run.send({ type: 'approve', taskId: run.task('urban-management').id });
    expect(effectTypes(timerStart)).toEqual(['complete_task', 'start_timer', 'pause_clock']);
    expect(effectOf(timerStart, 'start_timer')).toMatchObject({ stepId: 'notice', duration: { calendarDays: 7 } });
    expect(run.current).toMatchObject({ status: 'paused', clock: 'paused' });

    const timerId = runningTimers(run.current)[0]!;
    const end = run.send({ type: 'timer_fired', timerId });
    expect(effectTypes(end)).toEqual(['resume_clock', 'issue_certificate', 'finish_case', 'notify']);
    expect(effectOf(end, 'issue_certificate').stepId).toBe('issue');
    expect(run.current).toMatchObject({ status: 'approved', activity: null, clock: 'stopped', finishedAt: run.now() });
    expect(openTasks(run.current)).toEqual([]);
    expect(runningTimers(run.current)).toEqual([]);
  });

  it('skips the review when the instant check passes', () => {
    const run = new CaseRun(foodLicence());
    run.send({ type: 'submit', caseId: 'c1' });
    run.send({ type: 'accept', taskId: run.task().id });
    run.send({ type: 'rule_evaluated', evaluationId: pendingEvaluation(run.current)!, result: true });
    expect(currentSteps(run.current)).toEqual(['notice']);
  });
});

describe('decide: joint steps', () => {
  function atJoint(join: Parameters<typeof jointDefinition>[0]): CaseRun {
    const run = new CaseRun(jointDefinition(join));
    run.send({ type: 'submit', caseId: 'j' });
    const fanOut = run.send({ type: 'accept', taskId: run.task().id });
    expect(effectOf(fanOut, 'enqueue_joint_fan_out').tasks.map((opening) => opening.task.department)).toEqual([
      'fire-rescue',
      'urban-management',
      'housing',
    ]);
    return run;
  }

  it('all: the first rejection decides and cancels the others', () => {
    const run = atJoint('all');
    const housing = run.task('housing').id;
    run.send({ type: 'approve', taskId: run.task('fire-rescue').id });
    const effects = run.send({ type: 'reject', taskId: run.task('urban-management').id });
    expect(effects.filter((effect) => effect.type === 'cancel_task')).toEqual([
      { type: 'cancel_task', taskId: housing, reason: 'joint_decided' },
    ]);
    expect(run.current.status).toBe('rejected');
  });

  it('any: the first approval decides', () => {
    const run = atJoint('any');
    const urban = run.task('urban-management').id;
    run.send({ type: 'reject', taskId: run.task('fire-rescue').id });
    expect(run.current.status).toBe('in_review');
    const effects = run.send({ type: 'approve', taskId: run.task('housing').id });
    expect(effects.filter((effect) => effect.type === 'cancel_task').map((effect) => effect.taskId)).toEqual([urban]);
    expect(run.current.status).toBe('approved');
  });

  it('any: rejects only when every participant rejected', () => {
    const run = atJoint('any');
    run.send({ type: 'reject', taskId: run.task('fire-rescue').id });
    run.send({ type: 'reject', taskId: run.task('urban-management').id });
    expect(run.current.status).toBe('in_review');
    run.send({ type: 'reject', taskId: run.task('housing').id });
    expect(run.current.status).toBe('rejected');
  });

  it('quorum 2 of 3: a rejection while others decide leaves it open; two approvals carry it', () => {
    const run = atJoint({ quorum: 2 });
    run.send({ type: 'reject', taskId: run.task('fire-rescue').id });
    run.send({ type: 'approve', taskId: run.task('urban-management').id });
    expect(openTasks(run.current).map((task) => task.department)).toEqual(['housing']);
    run.send({ type: 'approve', taskId: run.task('housing').id });
    expect(run.current.status).toBe('approved');
  });

  it('quorum 2 of 3: two rejections make approval impossible and cancel the third task', () => {
    const run = atJoint({ quorum: 2 });
    const urban = run.task('urban-management').id;
    run.send({ type: 'reject', taskId: run.task('housing').id });
    const effects = run.send({ type: 'reject', taskId: run.task('fire-rescue').id });
    expect(effects.filter((effect) => effect.type === 'cancel_task').map((effect) => effect.taskId)).toEqual([urban]);
    expect(run.current.status).toBe('rejected');
  });

  it('refuses accept, refuse and transfer on a participant task', () => {
    const run = atJoint('all');
    for (const type of ['accept', 'refuse'] as const) {
      expect(run.attempt({ type, taskId: run.task('housing').id })).toMatchObject({ ok: false, error: { code: 'engine.action_not_allowed' } });
    }
    expect(run.attempt({ type: 'transfer', taskId: run.task('housing').id, toDepartment: 'tax' })).toMatchObject({
      ok: false,
      error: { code: 'engine.action_not_allowed' },
    });
  });

  it('combines every department’s corrections into one notice, sent once nobody is deciding', () => {
    const run = atJoint('all');
    const quiet = run.send({ type: 'correction', taskId: run.task('fire-rescue').id, missing: [{ key: 'floor-plan', reason: 'exits not marked' }] });
    expect(effectTypes(quiet)).toEqual(['complete_task']);
    run.send({ type: 'correction', taskId: run.task('housing').id, missing: [{ key: 'lease', reason: 'expired' }] });
    expect(run.current.status).toBe('in_review');

    const notice = run.send({ type: 'approve', taskId: run.task('urban-management').id });
    expect(effectTypes(notice)).toEqual(['complete_task', 'pause_clock', 'notify']);
    expect(effectOf(notice, 'notify')).toMatchObject({
      template: 'correction_requested',
      data: {
        round: 1,
        items: [
          { key: 'floor-plan', reason: 'exits not marked', department: 'fire-rescue' },
          { key: 'lease', reason: 'expired', department: 'housing' },
        ],
      },
    });
    expect(run.current.status).toBe('awaiting_correction');
    expect(openTasks(run.current)).toEqual([]);

    const answer = run.send({ type: 'correction_answered' });
    expect(effectTypes(answer)).toEqual(['resume_clock', 'open_task', 'open_task']);
    expect(openTasks(run.current).map((task) => task.department)).toEqual(['fire-rescue', 'housing']);
    expect(openCorrection(run.current)).toBeNull();

    run.send({ type: 'approve', taskId: run.task('fire-rescue').id });
    run.send({ type: 'approve', taskId: run.task('housing').id });
    expect(run.current.status).toBe('approved');
  });

  it('a rejection that decides the join drops pending correction requests', () => {
    const run = atJoint('all');
    run.send({ type: 'correction', taskId: run.task('fire-rescue').id, missing: [{ key: 'plan', reason: 'missing' }] });
    const effects = run.send({ type: 'reject', taskId: run.task('housing').id });
    expect(effectTypes(effects)).not.toContain('pause_clock');
    expect(run.current.status).toBe('rejected');
    expect(run.current.correctionRounds).toBe(0);
  });
});

describe('decide: corrections on review steps', () => {
  it('before acceptance: no clock to pause; the answer reopens the accept task', () => {
    const run = new CaseRun(foodLicence());
    run.send({ type: 'submit', caseId: 'c1' });
    const effects = run.send({ type: 'correction', taskId: 'c1:task:1', missing: [{ key: 'id-card', reason: 'unreadable' }] });
    expect(effectTypes(effects)).toEqual(['complete_task', 'notify']);
    expect(run.current.status).toBe('awaiting_correction');
    expect(openCorrection(run.current)).toEqual({ round: 1, items: [{ key: 'id-card', reason: 'unreadable', department: 'market-regulation' }] });

    const answer = run.send({ type: 'correction_answered' });
    expect(effectTypes(answer)).toEqual(['open_task']);
    expect(run.current.status).toBe('submitted');
    expect(run.task().id).toBe('c1:task:2');
  });

  it('after acceptance: pauses the clock until the answer, then reopens the step the correction routes to', () => {
    const run = atReview();
    const request = run.send({ type: 'correction', taskId: run.task().id, missing: [{ key: 'lease', reason: 'expired' }] });
    expect(effectOf(request, 'pause_clock')).toMatchObject({ reason: 'correction', stepId: 'review' });
    expect(run.current).toMatchObject({ status: 'awaiting_correction', clock: 'paused', correctionRounds: 1 });
    expect(openTasks(run.current)).toEqual([]);

    const answer = run.send({ type: 'correction_answered' });
    expect(effectTypes(answer)).toEqual(['resume_clock', 'open_task']);
    expect(run.current).toMatchObject({ status: 'in_review', clock: 'running' });
    expect(run.task().stepId).toBe('review');
  });

  it('counts rounds across notices', () => {
    const run = atReview();
    for (const round of [1, 2]) {
      const effects = run.send({ type: 'correction', taskId: run.task().id, missing: [{ key: 'lease', reason: `round ${round}` }] });
      expect(effectOf(effects, 'notify')).toMatchObject({ data: { round } });
      run.send({ type: 'correction_answered' });
    }
    expect(run.current.correctionRounds).toBe(2);
  });

  it('refuses a correction without missing items, and an answer when no notice is open', () => {
    const run = atReview();
    expect(run.attempt({ type: 'correction', taskId: run.task().id, missing: [] })).toMatchObject({ ok: false, error: { code: 'engine.invalid_event' } });
    expect(run.attempt({ type: 'correction_answered' })).toMatchObject({ ok: false, error: { code: 'engine.no_correction_open' } });
  });
});

describe('decide: timers', () => {
  function timerCase(pausesClock: boolean): CaseRun {
    return new CaseRun({
      key: 'timer',
      name: 'timer',
      steps: [
        { id: 'accept', type: 'review', queue: { department: 'housing', role: 'clerk' }, outcomes: { accept: 'wait' } },
        { id: 'wait', type: 'timer', duration: { workingDays: 3 }, pausesClock, outcomes: { done: 'end:completed' } },
      ],
    });
  }

  it('a timer that does not pause the clock leaves the case in review', () => {
    const run = timerCase(false);
    run.send({ type: 'submit', caseId: 't' });
    const effects = run.send({ type: 'accept', taskId: run.task().id });
    expect(effectTypes(effects)).not.toContain('pause_clock');
    expect(run.current.status).toBe('accepted');
    const end = run.send({ type: 'timer_fired', timerId: runningTimers(run.current)[0]! });
    expect(effectTypes(end)).toEqual(['finish_case', 'notify']);
    expect(run.current.status).toBe('completed');
  });

  it('refuses a timer that is not running', () => {
    const run = timerCase(true);
    run.send({ type: 'submit', caseId: 't' });
    run.send({ type: 'accept', taskId: run.task().id });
    expect(run.current.status).toBe('paused');
    expect(run.attempt({ type: 'timer_fired', timerId: 't:timer:99' })).toMatchObject({ ok: false, error: { code: 'engine.timer_not_running' } });
  });
});

describe('decide: withdraw', () => {
  it('before a final decision: cancels what is open and ends withdrawn', () => {
    const run = new CaseRun(jointDefinition('all'));
    run.send({ type: 'submit', caseId: 'w' });
    run.send({ type: 'accept', taskId: run.task().id });
    const effects = run.send({ type: 'withdraw' });
    expect(effectTypes(effects)).toEqual(['cancel_task', 'cancel_task', 'cancel_task', 'finish_case', 'notify']);
    expect(run.current).toMatchObject({ status: 'withdrawn', activity: null });
  });

  it('during 公示: cancels the timer', () => {
    const run = atReview();
    run.send({ type: 'approve', taskId: run.task().id });
    run.send({ type: 'approve', taskId: run.task('fire-rescue').id });
    run.send({ type: 'approve', taskId: run.task('urban-management').id });
    const timerId = runningTimers(run.current)[0]!;
    expect(run.send({ type: 'withdraw' })).toContainEqual({ type: 'cancel_timer', timerId });
  });

  it('after a final decision: refused as finished', () => {
    const run = new CaseRun(jointDefinition('any'));
    run.send({ type: 'submit', caseId: 'w' });
    run.send({ type: 'accept', taskId: run.task().id });
    run.send({ type: 'approve', taskId: run.task('housing').id });
    expect(run.attempt({ type: 'withdraw' })).toEqual({
      ok: false,
      error: { code: 'engine.case_finished', message: 'the case is finished (approved)' },
    });
  });
});

describe('decide: transfer', () => {
  it('moves the task to another department at the same step', () => {
    const run = atReview();
    const before = run.task();
    const effects = run.send({ type: 'transfer', taskId: before.id, toDepartment: 'tax' });
    expect(effects).toEqual([
      { type: 'complete_task', taskId: before.id, action: 'transfer' },
      {
        type: 'open_task',
        task: { id: 'c1:task:4', stepId: 'review', department: 'tax', role: 'reviewer' },
        allowedActions: ['correction', 'approve', 'reject', 'transfer'],
      },
    ]);
    expect(run.attempt({ type: 'approve', taskId: before.id })).toMatchObject({ ok: false, error: { code: 'engine.task_not_open' } });
    run.send({ type: 'approve', taskId: 'c1:task:4' });
    expect(currentSteps(run.current)).toEqual(['joint-check']);
  });

  it('refuses a transfer to the same department, and on a step that is not transferable', () => {
    const run = atReview();
    expect(run.attempt({ type: 'transfer', taskId: run.task().id, toDepartment: 'market-regulation' })).toMatchObject({
      ok: false,
      error: { code: 'engine.invalid_event' },
    });
    const intake = new CaseRun(foodLicence());
    intake.send({ type: 'submit', caseId: 'c2' });
    expect(intake.attempt({ type: 'transfer', taskId: intake.task().id, toDepartment: 'tax' })).toMatchObject({
      ok: false,
      error: { code: 'engine.action_not_allowed' },
    });
  });
});

describe('decide: routing conditions', () => {
  const definition: WorkflowDefinition = {
    key: 'routed',
    name: 'routed',
    steps: [
      {
        id: 'accept',
        type: 'review',
        queue: { department: 'housing', role: 'clerk' },
        outcomes: {
          accept: [
            { when: 'form.seats > 100', to: 'big' },
            { when: 'form.floorArea > 50.0', to: 'medium' },
            { to: 'end:completed' },
          ],
        },
      },
      { id: 'big', type: 'review', queue: { department: 'fire-rescue', role: 'reviewer' }, outcomes: { approve: 'end:approved' } },
      { id: 'medium', type: 'review', queue: { department: 'tax', role: 'reviewer' }, outcomes: { approve: 'end:approved' } },
    ],
  };

  it('evaluates conditions one at a time, in order, outside decide', () => {
    const run = new CaseRun(definition);
    run.send({ type: 'submit', caseId: 'r' });
    const first = run.send({ type: 'accept', taskId: run.task().id });
    expect(effectOf(first, 'evaluate_rule')).toEqual({ type: 'evaluate_rule', evaluationId: 'r:rule:2', stepId: 'accept', purpose: 'route', expression: 'form.seats > 100' });
    expect(openTasks(run.current)).toEqual([]);

    const second = run.send({ type: 'rule_evaluated', evaluationId: 'r:rule:2', result: false });
    expect(effectOf(second, 'evaluate_rule').expression).toBe('form.floorArea > 50.0');
    run.send({ type: 'rule_evaluated', evaluationId: pendingEvaluation(run.current)!, result: true });
    expect(run.task().department).toBe('tax');
  });

  it('falls through to the default branch', () => {
    const run = new CaseRun(definition);
    run.send({ type: 'submit', caseId: 'r' });
    run.send({ type: 'accept', taskId: run.task().id });
    run.send({ type: 'rule_evaluated', evaluationId: pendingEvaluation(run.current)!, result: false });
    run.send({ type: 'rule_evaluated', evaluationId: pendingEvaluation(run.current)!, result: false });
    expect(run.current.status).toBe('completed');
  });

  it('refuses a stale evaluation result', () => {
    const run = new CaseRun(definition);
    run.send({ type: 'submit', caseId: 'r' });
    run.send({ type: 'accept', taskId: run.task().id });
    run.send({ type: 'rule_evaluated', evaluationId: 'r:rule:2', result: false });
    expect(run.attempt({ type: 'rule_evaluated', evaluationId: 'r:rule:2', result: true })).toMatchObject({
      ok: false,
      error: { code: 'engine.evaluation_not_pending' },
    });
  });
});

describe('decide: refusals', () => {
  const definition = jointDefinition('all');
  const submitted = () => {
    const run = new CaseRun(definition);
    run.send({ type: 'submit', caseId: 'e' });
    return run;
  };

  it('types every refusal and never throws', () => {
    const at = '2026-03-02T08:00:00.000Z';
    expect(decide(definition, null, { type: 'dance', at } as unknown as CaseEvent)).toMatchObject({ ok: false, error: { code: 'engine.unknown_event' } });
    expect(decide(definition, null, { type: 'withdraw', at })).toMatchObject({ ok: false, error: { code: 'engine.not_submitted' } });
    expect(decide(definition, submitted().current, { type: 'submit', caseId: 'e', at })).toMatchObject({ ok: false, error: { code: 'engine.already_submitted' } });
    expect(decide(definition, submitted().current, { type: 'withdraw' } as unknown as CaseEvent)).toMatchObject({ ok: false, error: { code: 'engine.invalid_event' } });
    expect(submitted().attempt({ type: 'approve', taskId: 'e:task:1' })).toMatchObject({ ok: false, error: { code: 'engine.action_not_allowed' } });
    expect(submitted().attempt({ type: 'accept', taskId: 'nope' })).toMatchObject({ ok: false, error: { code: 'engine.task_not_open' } });
    expect(submitted().attempt({ type: 'rule_evaluated', evaluationId: 'e:rule:1', result: true })).toMatchObject({ ok: false, error: { code: 'engine.evaluation_not_pending' } });
  });

  it('reports an unvalidated definition that routes nowhere instead of throwing', () => {
    const broken: WorkflowDefinition = {
      key: 'broken',
      name: 'broken',
      steps: [{ id: 'accept', type: 'review', queue: { department: 'tax', role: 'clerk' }, outcomes: { accept: 'missing' } }],
    };
    const run = new CaseRun(broken);
    run.send({ type: 'submit', caseId: 'b' });
    expect(run.attempt({ type: 'accept', taskId: run.task().id })).toMatchObject({ ok: false, error: { code: 'engine.definition_invalid' } });
    expect(run.current.status).toBe('submitted');
  });

  it('reports a loop of certificate steps instead of spinning', () => {
    const looping: WorkflowDefinition = {
      key: 'loop',
      name: 'loop',
      steps: [
        { id: 'a', type: 'certificate', outcomes: { done: 'b' } },
        { id: 'b', type: 'certificate', outcomes: { done: 'a' } },
      ],
    };
    expect(decide(looping, null, { type: 'submit', caseId: 'l', at: '2026-03-02T08:00:00.000Z' })).toMatchObject({
      ok: false,
      error: { code: 'engine.definition_invalid' },
    });
  });

  it('never changes the state it is given', () => {
    const run = atReview();
    const frozen = deepFreeze(structuredClone(run.current));
    const decision = decide(run.definition, frozen, { type: 'correction', taskId: run.task().id, missing: [{ key: 'x', reason: 'y' }], at: run.now() });
    expect(decision.ok).toBe(true);
    expect(frozen).toEqual(run.current);
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
