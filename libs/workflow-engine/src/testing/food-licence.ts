import type { WorkflowDefinition } from '../definition.js';
import { parseDefinition } from '../parse.js';
import { pendingEvaluation } from '../state.js';
import { CaseRun } from './case-run.js';
import { FOOD_LICENCE_YAML } from './fixtures.js';

export function foodLicence(): WorkflowDefinition {
  const parsed = parseDefinition(FOOD_LICENCE_YAML);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.definition;
}

/** Submits and accepts a food-licence case whose instant check fails, leaving it at the review step. */
export function atReview(): CaseRun {
  const run = new CaseRun(foodLicence());
  run.send({ type: 'submit', caseId: 'c1' });
  run.send({ type: 'accept', taskId: run.task().id });
  run.send({ type: 'rule_evaluated', evaluationId: pendingEvaluation(run.current)!, result: false });
  return run;
}
