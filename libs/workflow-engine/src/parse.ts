import type { WorkflowDefinition } from './definition.js';
import { ROOT, at, type DefinitionError } from './definition-error.js';
import { checkStep } from './parse-step.js';
import { readYaml } from './read-yaml.js';
import { ShapeChecker, type Format } from './shape.js';

export type ParseResult =
  | { readonly ok: true; readonly definition: WorkflowDefinition }
  | { readonly ok: false; readonly errors: readonly DefinitionError[] };

const KEY: Format = {
  pattern: /^(?=.{1,64}$)[a-z0-9]+(?:-[a-z0-9]+)*$/,
  description: 'must be kebab-case (lowercase letters, digits, single dashes), at most 64 characters',
};

/**
 * Reads a definition from JSON or YAML text (JSON is YAML) or from an already parsed
 * document, and checks its shape. Cross-step rules (targets, reachability, departments,
 * rules) are `validateDefinition`'s.
 */
export function parseDefinition(input: unknown): ParseResult {
  if (typeof input === 'string') {
    const read = readYaml(input);
    // Checked as the parsed value it is: a document that is one string, read again as YAML, would be read for ever.
    return read.ok ? checkShape(read.value) : read;
  }
  return checkShape(input);
}

function checkShape(input: unknown): ParseResult {
  const check = new ShapeChecker();
  const root = check.object(input, ROOT);
  if (root) {
    check.onlyFields(root, ROOT, ['key', 'name', 'description', 'serviceItem', 'limits', 'steps']);
    check.string(root, 'key', ROOT, true, KEY);
    check.string(root, 'name', ROOT, true);
    check.string(root, 'description', ROOT, false);
    check.string(root, 'serviceItem', ROOT, false);
    checkLimits(check, root['limits']);
    checkSteps(check, root['steps']);
  }
  if (check.errors.length > 0) return { ok: false, errors: check.errors };
  // Every field was checked and unknown ones refused, so the copy is the typed document.
  return { ok: true, definition: structuredClone(input) as WorkflowDefinition };
}

function checkLimits(check: ShapeChecker, value: unknown): void {
  if (value === undefined) return;
  const path = at(ROOT, 'limits');
  const limits = check.object(value, path);
  if (!limits) return;
  check.onlyFields(limits, path, ['statutoryDays', 'promisedDays']);
  const statutory = check.positiveInteger(limits, 'statutoryDays', path, true);
  const promised = check.positiveInteger(limits, 'promisedDays', path, true);
  if (statutory !== undefined && promised !== undefined && promised > statutory) {
    check.report(at(path, 'promisedDays'), 'definition.invalid_value', 'the promised limit cannot exceed the statutory limit');
  }
}

function checkSteps(check: ShapeChecker, value: unknown): void {
  const path = at(ROOT, 'steps');
  if (value === undefined) {
    check.report(path, 'definition.required', 'is required');
  } else if (!Array.isArray(value) || value.length === 0) {
    check.report(path, 'definition.invalid_type', 'must be a non-empty list of steps');
  } else {
    value.forEach((step, index) => checkStep(check, step, at(path, index)));
  }
}
