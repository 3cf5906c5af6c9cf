import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { END_STATUSES, TASK_ACTIONS, branchesOf, routesOf, type WorkflowDefinition } from './definition.js';
import { at as pathAt, ROOT } from './definition-error.js';
import type { CaseEvent } from './events.js';
import { CASE_STATUSES, isFinished, openCorrection, openTasks, pendingEvaluation, runningTimers, type CaseState } from './state.js';
import { command, toEvent, validDefinition, type Command } from './testing/arbitraries.js';
import { validationContext } from './testing/fixtures.js';
import { World } from './testing/world.js';
import { validateDefinition } from './validate.js';

const EVERY_COMMAND: readonly Command[] = [
  ...TASK_ACTIONS.map((_, choice): Command => ({ kind: 'task', pick: 0, choice, wild: true, toDepartment: 'tax' })),
  { kind: 'rule', result: true, stale: false },
  { kind: 'timer', stale: false },
  { kind: 'answer' },
  { kind: 'withdraw' },
  { kind: 'submit' },
  { kind: 'unknown' },
];

const OPEN_STATUSES = CASE_STATUSES.filter((status) => !(END_STATUSES as readonly string[]).includes(status));

function timeAt(tick: number): string {
  return new Date(Date.UTC(2026, 0, 5) + tick * 60_000).toISOString();
}

/** Runs commands against a fresh case, checking the invariants after every accepted event. */
function play(definition: WorkflowDefinition, commands: readonly Command[]): CaseState {
  const world = new World();
  const submit: CaseEvent = { type: 'submit', caseId: 'p', at: timeAt(0) };
  const first = decide(definition, null, submit);
  if (!first.ok) throw new Error(`submit refused: ${first.error.code}`);
  world.apply(submit, first.effects);
  let state = first.state;
  checkInvariants(state, world);

  commands.forEach((next, index) => {
    const event = toEvent(definition, next, state, timeAt(index + 1));
    const decision = decide(definition, state, event);
    if (isFinished(state)) expect(decision).toMatchObject({ ok: false, error: { code: refusalWhenFinished(next) } });
    if (!decision.ok) {
      expect(decision.error.code).toMatch(/^engine\./);
      return;
    }
    world.apply(event, decision.effects);
    state = decision.state;
    checkInvariants(state, world);
  });
  return state;
}

/** An event of no known type is refused as such, finished case or not. */
function refusalWhenFinished(command: Command): string {
  return command.kind === 'unknown' ? 'engine.unknown_event' : 'engine.case_finished';
}

function checkInvariants(state: CaseState, world: World): void {
  expect(new Set(openTasks(state).map((task) => task.id))).toEqual(new Set(world.tasks.keys()));
  expect(new Set(runningTimers(state))).toEqual(world.timers);
  expect(world.clock).toBe(state.clock);
  if (isFinished(state)) {
    expect(END_STATUSES).toContain(state.status);
    expect(world.tasks.size + world.timers.size).toBe(0);
    return;
  }
  expect(OPEN_STATUSES).toContain(state.status);
  const evaluation = pendingEvaluation(state);
  if (evaluation !== null) expect(world.evaluations.has(evaluation)).toBe(true);
  const waitingFor = world.tasks.size + world.timers.size + (evaluation === null ? 0 : 1) + (openCorrection(state) ? 1 : 0);
  expect(waitingFor, `case stuck in ${state.status} at ${state.activity?.stepId}`).toBeGreaterThan(0);
  expect(state.status === 'awaiting_correction').toBe(openCorrection(state) !== null);
  expect(world.noticeOpen).toBe(openCorrection(state) !== null);
  // While the applicant holds the notice, no department works on the case.
  if (world.noticeOpen) expect(world.tasks.size).toBe(0);
}

describe('engine properties over generated definitions', () => {
  it('every generated definition passes the validator', () => {
    fc.assert(
      fc.property(validDefinition, (definition) => {
        expect(validateDefinition(definition, validationContext)).toEqual({ ok: true, definition });
      }),
      { numRuns: 300 },
    );
  });

  it('an outcome pointed at a missing step is reported at its path, and only there', () => {
    fc.assert(
      fc.property(validDefinition, fc.nat(), (definition, pick) => {
        const candidates = definition.steps.flatMap((step, stepIndex) =>
          routesOf(step).flatMap(([outcome, route]) =>
            branchesOf(route).map((_, branchIndex) => ({ stepIndex, outcome, branchIndex, branched: typeof route !== 'string' })),
          ),
        );
        const { stepIndex, outcome, branchIndex, branched } = candidates[pick % candidates.length]!;
        const mutated = structuredClone(definition) as unknown as { steps: { outcomes: Record<string, unknown> }[] };
        const outcomes = mutated.steps[stepIndex]!.outcomes;
        if (branched) (outcomes[outcome] as { to: string }[])[branchIndex]!.to = 'missing-step';
        else outcomes[outcome] = 'missing-step';

        const outcomePath = pathAt(ROOT, 'steps', stepIndex, 'outcomes', outcome);
        expect(validateDefinition(mutated, validationContext)).toEqual({
          ok: false,
          errors: [
            {
              path: branched ? pathAt(outcomePath, branchIndex, 'to') : outcomePath,
              code: 'definition.unknown_target',
              message: 'no step has the id missing-step',
            },
          ],
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps tasks, timers and clock consistent, never doubles a task, never strands a case, and finished cases refuse everything', () => {
    let finished = 0;
    fc.assert(
      fc.property(validDefinition, fc.array(command, { minLength: 10, maxLength: 60 }), (definition, commands) => {
        const state = play(definition, commands);
        if (!isFinished(state)) return;
        finished += 1;
        for (const next of EVERY_COMMAND) {
          expect(decide(definition, state, toEvent(definition, next, state, timeAt(99)))).toMatchObject({
            ok: false,
            error: { code: refusalWhenFinished(next) },
          });
        }
      }),
      { numRuns: 500 },
    );
    // The check on finished cases must have had cases to check.
    expect(finished).toBeGreaterThan(50);
  });
});
