import type { Join, WorkflowDefinition } from '../definition.js';
import type { RuleChecker, RuleProblem } from '../validate.js';

export const DEPARTMENTS = ['market-regulation', 'fire-rescue', 'urban-management', 'housing', 'tax'] as const;

/** Facts the fake checker knows, standing in for the form schema and applicant declarations. */
export const KNOWN_FACTS = ['form.floorArea', 'form.seats', 'applicant.creditLevel', 'applicant.age'] as const;

/**
 * A stand-in for `@app/rules`: refuses unbalanced parentheses and facts it does not know,
 * which is enough to see the validator report the checker's problems at the right path.
 */
export function fakeRuleChecker(): RuleChecker {
  return {
    check(expression: string): RuleProblem[] {
      const problems: RuleProblem[] = [];
      let depth = 0;
      for (const [index, char] of [...expression].entries()) {
        depth += char === '(' ? 1 : char === ')' ? -1 : 0;
        if (depth < 0) return [{ code: 'rules.syntax', message: 'unexpected )', start: index }];
      }
      if (depth > 0) problems.push({ code: 'rules.syntax', message: 'missing )', start: expression.length });
      for (const match of expression.matchAll(/\b(?:form|applicant)\.[A-Za-z_]\w*/g)) {
        if (!(KNOWN_FACTS as readonly string[]).includes(match[0])) {
          problems.push({ code: 'rules.unknown_field', message: `unknown field ${match[0]}`, start: match.index });
        }
      }
      return problems;
    },
  };
}

export const validationContext = { departments: DEPARTMENTS, rules: fakeRuleChecker() };

/** The sketch of DESIGN.md, as an admin would write it. */
export const FOOD_LICENCE_YAML = `
key: food-business-license
name: 食品经营许可证核发
serviceItem: 2201-SC-0001
limits: { statutoryDays: 20, promisedDays: 10 }
steps:
  - id: accept
    type: review
    queue: { department: market-regulation, role: clerk }
    sla: { workingDays: 1 }
    outcomes: { accept: instant-check, correction: accept, refuse: end:refused }
  - id: instant-check
    type: auto
    rule: "applicant.creditLevel in ['A','B'] && form.floorArea <= 200.0"
    outcomes: { true: notice, false: review }
  - id: review
    type: review
    queue: { department: market-regulation, role: reviewer }
    transferable: true
    outcomes: { approve: joint-check, reject: end:rejected, correction: review }
  - id: joint-check
    type: joint
    participants: [fire-rescue, urban-management]
    join: all
    sla: { workingDays: 5 }
    outcomes: { approve: notice, reject: end:rejected }
  - id: notice
    type: timer
    duration: { calendarDays: 7 }
    pausesClock: true
    outcomes: { done: issue }
  - id: issue
    type: certificate
    outcomes: { done: end:approved }
`;

/** accept -> a joint step with the given join -> end. */
export function jointDefinition(
  join: Join,
  participants: readonly string[] = ['fire-rescue', 'urban-management', 'housing'],
): WorkflowDefinition {
  return {
    key: 'joint-case',
    name: 'joint',
    steps: [
      {
        id: 'accept',
        type: 'review',
        queue: { department: 'market-regulation', role: 'clerk' },
        outcomes: { accept: 'joint', refuse: 'end:refused', correction: 'accept' },
      },
      {
        id: 'joint',
        type: 'joint',
        participants,
        join,
        sla: { workingDays: 5 },
        outcomes: { approve: 'end:approved', reject: 'end:rejected' },
      },
    ],
  };
}
