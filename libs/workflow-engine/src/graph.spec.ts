import { describe, expect, it } from 'vitest';
import { allowedActions, participantsFor } from './actions.js';
import type { JointStep } from './definition.js';
import { definitionGraph } from './graph.js';
import { parseDefinition } from './parse.js';
import { FOOD_LICENCE_YAML } from './testing/fixtures.js';

const parsed = parseDefinition(FOOD_LICENCE_YAML);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const foodLicence = parsed.definition;

describe('definitionGraph', () => {
  it('lists the steps, then the ends used, as nodes', () => {
    expect(definitionGraph(foodLicence).nodes.map((node) => `${node.kind}:${node.label}`)).toEqual([
      'review:accept',
      'auto:instant-check',
      'review:review',
      'joint:joint-check',
      'timer:notice',
      'certificate:issue',
      'end:approved',
      'end:rejected',
      'end:refused',
    ]);
  });

  it('draws one edge per outcome and per branch, with its condition and where it is written', () => {
    const graph = definitionGraph({
      key: 'k',
      name: 'n',
      steps: [
        {
          id: 'a',
          type: 'review',
          name: '受理',
          queue: { department: 'tax', role: 'clerk' },
          outcomes: { accept: [{ when: 'form.seats > 1', to: 'b' }, { to: 'end:completed' }] },
        },
        { id: 'b', type: 'certificate', outcomes: { done: 'end:approved' } },
      ],
    });
    expect(graph.nodes[0]).toEqual({ id: 'a', kind: 'review', label: '受理' });
    expect(graph.edges).toEqual([
      { from: 'a', to: 'b', outcome: 'accept', when: 'form.seats > 1', path: '$.steps[0].outcomes.accept[0].to' },
      { from: 'a', to: 'end:completed', outcome: 'accept', path: '$.steps[0].outcomes.accept[1].to' },
      { from: 'b', to: 'end:approved', outcome: 'done', path: '$.steps[1].outcomes.done' },
    ]);
  });
});

describe('allowedActions', () => {
  it('offers a review step’s routed outcomes, plus transfer when transferable', () => {
    expect(allowedActions(foodLicence, 'accept')).toEqual(['accept', 'refuse', 'correction']);
    expect(allowedActions(foodLicence, 'review')).toEqual(['correction', 'approve', 'reject', 'transfer']);
  });

  it('offers joint participants approve, reject and correction, and nothing where no human works', () => {
    expect(allowedActions(foodLicence, 'joint-check')).toEqual(['approve', 'reject', 'correction']);
    expect(allowedActions(foodLicence, 'instant-check')).toEqual([]);
    expect(allowedActions(foodLicence, 'notice')).toEqual([]);
    expect(allowedActions(foodLicence, 'no-such-step')).toEqual([]);
  });
});

describe('participantsFor', () => {
  it('gives a review step its queue', () => {
    expect(participantsFor(foodLicence.steps[0]!)).toEqual([{ department: 'market-regulation', role: 'clerk', sla: { workingDays: 1 } }]);
  });

  it('fills joint participants’ role and SLA from the step unless they name their own', () => {
    const step: JointStep = {
      id: 'j',
      type: 'joint',
      participants: ['fire-rescue', { department: 'tax', role: 'auditor', sla: { workingDays: 2 } }],
      join: 'all',
      sla: { workingDays: 5 },
      outcomes: { approve: 'end:approved', reject: 'end:rejected' },
    };
    expect(participantsFor(step)).toEqual([
      { department: 'fire-rescue', role: 'reviewer', sla: { workingDays: 5 } },
      { department: 'tax', role: 'auditor', sla: { workingDays: 2 } },
    ]);
    expect(participantsFor(foodLicence.steps[4]!)).toEqual([]);
  });
});
