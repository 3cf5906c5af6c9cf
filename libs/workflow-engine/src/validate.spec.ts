import { describe, expect, it } from 'vitest';
import type { DefinitionErrorCode } from './definition-error.js';
import { parseDefinition } from './parse.js';
import { FOOD_LICENCE_YAML, validationContext } from './testing/fixtures.js';
import { validateDefinition } from './validate.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- documents under test are deliberately malformed

function foodLicence(): Doc {
  const parsed = parseDefinition(FOOD_LICENCE_YAML);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return structuredClone(parsed.definition) as Doc;
}

function changed(change: (doc: Doc) => void): Doc {
  const doc = foodLicence();
  change(doc);
  return doc;
}

function errorsOf(input: unknown) {
  const result = validateDefinition(input, validationContext);
  return result.ok ? [] : result.errors;
}

function expectOnly(input: unknown, path: string, code: DefinitionErrorCode): void {
  expect(errorsOf(input).map(({ path, code }) => ({ path, code }))).toEqual([{ path, code }]);
}

describe('validateDefinition', () => {
  it('accepts the sketch of DESIGN.md, from YAML, from JSON and as an object', () => {
    expect(validateDefinition(FOOD_LICENCE_YAML, validationContext)).toMatchObject({ ok: true, definition: { key: 'food-business-license' } });
    expect(errorsOf(JSON.stringify(foodLicence()))).toEqual([]);
    expect(errorsOf(foodLicence())).toEqual([]);
  });

  it('returns the typed document, which round-trips', () => {
    const result = validateDefinition(FOOD_LICENCE_YAML, validationContext);
    expect(result.ok && result.definition.steps[1]).toEqual({
      id: 'instant-check',
      type: 'auto',
      rule: "applicant.creditLevel in ['A','B'] && form.floorArea <= 200.0",
      outcomes: { true: 'notice', false: 'review' },
    });
    expect(errorsOf(result.ok ? JSON.parse(JSON.stringify(result.definition)) : null)).toEqual([]);
  });

  describe('refuses, pointing at the exact path', () => {
    it('text that is not YAML or JSON', () => {
      const [error] = errorsOf('key: [unclosed\nname: x');
      expect(error).toMatchObject({ path: '$', code: 'definition.syntax', message: expect.stringContaining('line') });
    });

    it('a document that is not an object', () => expectOnly('- just\n- a list', '$', 'definition.invalid_type'));

    it('a missing or malformed key and name', () => {
      expectOnly(changed((doc) => delete doc.key), '$.key', 'definition.required');
      expectOnly(changed((doc) => (doc.key = 'Food License')), '$.key', 'definition.invalid_value');
      expectOnly(changed((doc) => delete doc.name), '$.name', 'definition.required');
      expectOnly(changed((doc) => (doc.name = 42)), '$.name', 'definition.invalid_type');
    });

    it('missing or empty steps', () => {
      expectOnly(changed((doc) => delete doc.steps), '$.steps', 'definition.required');
      expectOnly(changed((doc) => (doc.steps = [])), '$.steps', 'definition.invalid_type');
    });

    it('unknown fields, so that a misspelt option is not ignored', () => {
      expectOnly(changed((doc) => (doc.owner = 'x')), '$.owner', 'definition.unknown_field');
      expectOnly(
        changed((doc) => {
          doc.steps[4].pausesclock = doc.steps[4].pausesClock;
          delete doc.steps[4].pausesClock;
        }),
        '$.steps[4].pausesclock',
        'definition.unknown_field',
      );
    });

    it('limits that are not whole days, or a promise beyond the statutory limit', () => {
      expectOnly(changed((doc) => (doc.limits.statutoryDays = 0)), '$.limits.statutoryDays', 'definition.invalid_value');
      expectOnly(changed((doc) => (doc.limits.promisedDays = 30)), '$.limits.promisedDays', 'definition.invalid_value');
    });

    it('step ids of the wrong format, and duplicate ids', () => {
      expectOnly(changed((doc) => (doc.steps[5].id = '2nd issue')), '$.steps[5].id', 'definition.invalid_value');
      expectOnly(changed((doc) => doc.steps.push({ ...doc.steps[5] })), '$.steps[6].id', 'definition.duplicate_id');
    });

    it('unknown step types', () => {
      expectOnly(changed((doc) => (doc.steps[5].type = 'signature')), '$.steps[5].type', 'definition.unknown_step_type');
      expectOnly(changed((doc) => delete doc.steps[5].type), '$.steps[5].type', 'definition.required');
    });

    it('review steps without a queue, or whose queue names an unknown department', () => {
      expectOnly(changed((doc) => delete doc.steps[2].queue), '$.steps[2].queue', 'definition.required');
      expectOnly(changed((doc) => delete doc.steps[2].queue.role), '$.steps[2].queue.role', 'definition.required');
      expectOnly(changed((doc) => (doc.steps[2].queue.department = 'ministry-of-magic')), '$.steps[2].queue.department', 'definition.unknown_department');
    });

    it('outcomes pointing to no step, directly or from a branch', () => {
      expectOnly(changed((doc) => (doc.steps[2].outcomes.approve = 'joint-chek')), '$.steps[2].outcomes.approve', 'definition.unknown_target');
      expectOnly(
        changed((doc) => (doc.steps[2].outcomes.approve = [{ when: 'form.seats > 10', to: 'nowhere' }, { to: 'joint-check' }])),
        '$.steps[2].outcomes.approve[0].to',
        'definition.unknown_target',
      );
    });

    it('end statuses outside the allowed set', () => {
      expectOnly(changed((doc) => (doc.steps[2].outcomes.reject = 'end:denied')), '$.steps[2].outcomes.reject', 'definition.invalid_end_status');
    });

    it('outcomes for actions the step type cannot produce', () => {
      expectOnly(changed((doc) => (doc.steps[1].outcomes.approve = 'notice')), '$.steps[1].outcomes.approve', 'definition.outcome_not_allowed');
      expectOnly(changed((doc) => (doc.steps[2].outcomes.transfer = 'review')), '$.steps[2].outcomes.transfer', 'definition.outcome_not_allowed');
      expectOnly(changed((doc) => (doc.steps[3].outcomes.correction = 'review')), '$.steps[3].outcomes.correction', 'definition.outcome_not_allowed');
      expectOnly(changed((doc) => (doc.steps[4].outcomes.approve = 'issue')), '$.steps[4].outcomes.approve', 'definition.outcome_not_allowed');
    });

    it('outcomes a step needs but does not route', () => {
      expectOnly(changed((doc) => delete doc.steps[1].outcomes.false), '$.steps[1].outcomes.false', 'definition.required');
      expectOnly(changed((doc) => delete doc.steps[3].outcomes.reject), '$.steps[3].outcomes.reject', 'definition.required');
      expectOnly(changed((doc) => (doc.steps[2].outcomes = {})), '$.steps[2].outcomes', 'definition.required');
    });

    it('branch lists without a default last, or with a default before the end', () => {
      expectOnly(
        changed((doc) => (doc.steps[2].outcomes.approve = [{ when: 'form.seats > 10', to: 'joint-check' }])),
        '$.steps[2].outcomes.approve[0].when',
        'definition.route_default',
      );
      expectOnly(
        changed((doc) => (doc.steps[2].outcomes.approve = [{ to: 'notice' }, { to: 'joint-check' }])),
        '$.steps[2].outcomes.approve[0]',
        'definition.route_default',
      );
    });

    it('a correction routed to an end', () => {
      expectOnly(changed((doc) => (doc.steps[2].outcomes.correction = 'end:rejected')), '$.steps[2].outcomes.correction', 'definition.invalid_target');
    });

    it('unreachable steps', () => {
      expectOnly(changed((doc) => (doc.steps[1].outcomes.false = 'joint-check')), '$.steps[2]', 'definition.unreachable_step');
    });

    it('steps from which no end can be reached', () => {
      expectOnly(
        changed((doc) => {
          doc.steps[2].outcomes.approve = [{ when: 'form.seats > 10', to: 'stuck' }, { to: 'joint-check' }];
          doc.steps.push({ id: 'stuck', type: 'review', queue: { department: 'tax', role: 'clerk' }, outcomes: { correction: 'stuck' } });
        }),
        '$.steps[6]',
        'definition.no_end_reachable',
      );
    });

    it('joint steps with unknown or repeated departments', () => {
      expectOnly(changed((doc) => doc.steps[3].participants.push('ministry-of-magic')), '$.steps[3].participants[2]', 'definition.unknown_department');
      expectOnly(
        changed((doc) => doc.steps[3].participants.push({ department: 'atlantis', sla: { workingDays: 2 } })),
        '$.steps[3].participants[2].department',
        'definition.unknown_department',
      );
      expectOnly(changed((doc) => doc.steps[3].participants.push('fire-rescue')), '$.steps[3].participants[2]', 'definition.duplicate_participant');
      expectOnly(changed((doc) => (doc.steps[3].participants = [])), '$.steps[3].participants', 'definition.invalid_type');
    });

    it('a quorum larger than the participants, or below 1', () => {
      expectOnly(changed((doc) => (doc.steps[3].join = { quorum: 3 })), '$.steps[3].join.quorum', 'definition.quorum_out_of_range');
      expectOnly(changed((doc) => (doc.steps[3].join = { quorum: 0 })), '$.steps[3].join.quorum', 'definition.quorum_out_of_range');
      expectOnly(changed((doc) => (doc.steps[3].join = 'most')), '$.steps[3].join', 'definition.invalid_value');
      expect(errorsOf(changed((doc) => (doc.steps[3].join = { quorum: 2 })))).toEqual([]);
    });

    it('timers without exactly one duration, and SLAs that are not whole days', () => {
      expectOnly(changed((doc) => (doc.steps[4].duration = { calendarDays: 7, workingDays: 5 })), '$.steps[4].duration', 'definition.invalid_value');
      expectOnly(changed((doc) => (doc.steps[4].duration = { calendarDays: 1.5 })), '$.steps[4].duration.calendarDays', 'definition.invalid_value');
      expectOnly(changed((doc) => (doc.steps[0].sla = { workingDays: -1 })), '$.steps[0].sla.workingDays', 'definition.invalid_value');
    });

    it('auto rules and routing conditions the rule checker refuses', () => {
      const [error] = errorsOf(changed((doc) => (doc.steps[1].rule = 'form.floorArea <= 200.0 && applicant.income > 1.0')));
      expect(error).toEqual({ path: '$.steps[1].rule', code: 'definition.rule_invalid', message: 'at character 28: unknown field applicant.income' });
      expectOnly(
        changed((doc) => (doc.steps[2].outcomes.approve = [{ when: '(form.seats > 10', to: 'joint-check' }, { to: 'notice' }])),
        '$.steps[2].outcomes.approve[0].when',
        'definition.rule_invalid',
      );
    });
  });

  it('lists every problem at once', () => {
    const doc = changed((doc) => {
      doc.steps[0].queue.department = 'atlantis';
      doc.steps[3].participants.push('lemuria');
      doc.steps[1].rule = 'form.nothing';
    });
    expect(errorsOf(doc).map((error) => error.path)).toEqual(['$.steps[0].queue.department', '$.steps[3].participants[2]', '$.steps[1].rule']);
  });

  it('does not report the steps a misspelt target orphans', () => {
    expectOnly(changed((doc) => (doc.steps[3].outcomes.approve = 'notise')), '$.steps[3].outcomes.approve', 'definition.unknown_target');
  });

  it('quotes odd outcome names in paths', () => {
    expectOnly(changed((doc) => (doc.steps[5].outcomes['issued-now'] = 'end:approved')), "$.steps[5].outcomes['issued-now']", 'definition.outcome_not_allowed');
  });

  it('checks rules only when given a checker', () => {
    const doc = changed((doc) => (doc.steps[1].rule = 'form.nothing'));
    expect(validateDefinition(doc, { departments: validationContext.departments }).ok).toBe(true);
  });
});
