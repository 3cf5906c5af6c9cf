import {
  END_STATUSES,
  STEP_OUTCOMES,
  STEP_TYPES,
  isEndTarget,
  resolveTarget,
  type StepType,
} from './definition.js';
import { at } from './definition-error.js';
import { isFields, type Fields, type Format, type ShapeChecker } from './shape.js';

const STEP_ID: Format = {
  pattern: /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
  description: 'must start with a letter and hold at most 64 letters, digits, "-" or "_"',
};

const COMMON_FIELDS = ['id', 'type', 'name', 'outcomes'] as const;

const TYPE_FIELDS: Record<StepType, readonly string[]> = {
  review: ['queue', 'sla', 'transferable'],
  auto: ['rule'],
  joint: ['participants', 'join', 'role', 'sla'],
  timer: ['duration', 'pausesClock'],
  certificate: ['certificate'],
};

/** A review step needs some outcome; the others need every outcome they can produce. */
const REQUIRED_OUTCOMES: Record<StepType, readonly string[]> = {
  review: [],
  auto: STEP_OUTCOMES.auto,
  joint: STEP_OUTCOMES.joint,
  timer: STEP_OUTCOMES.timer,
  certificate: STEP_OUTCOMES.certificate,
};

/** Checks the shape of one step; cross-step checks (targets, reachability) are the validator's. */
export function checkStep(check: ShapeChecker, value: unknown, path: string): void {
  const step = check.object(value, path);
  if (!step) return;
  check.string(step, 'id', path, true, STEP_ID);
  check.string(step, 'name', path, false);
  const type = step['type'];
  if (type === undefined) {
    check.report(at(path, 'type'), 'definition.required', 'is required');
    return;
  }
  if (!isStepType(type)) {
    check.report(at(path, 'type'), 'definition.unknown_step_type', `unknown step type; known: ${STEP_TYPES.join(', ')}`);
    return;
  }
  check.onlyFields(step, path, [...COMMON_FIELDS, ...TYPE_FIELDS[type]]);
  checkTypeFields(check, type, step, path);
  checkOutcomes(check, type, step, path);
}

function checkTypeFields(check: ShapeChecker, type: StepType, step: Fields, path: string): void {
  switch (type) {
    case 'review': {
      checkQueue(check, step, path);
      checkSla(check, step, path);
      check.boolean(step, 'transferable', path);
      return;
    }
    case 'auto':
      check.string(step, 'rule', path, true);
      return;
    case 'joint':
      checkJoint(check, step, path);
      return;
    case 'timer':
      checkDuration(check, step, path);
      check.boolean(step, 'pausesClock', path);
      return;
    case 'certificate':
      checkCertificate(check, step, path);
      return;
  }
}

/** The licence a certificate step issues: its name (e.g. 食品经营许可证) and, optionally, how long it is valid. */
function checkCertificate(check: ShapeChecker, step: Fields, path: string): void {
  if (step['certificate'] === undefined) return;
  const certificatePath = at(path, 'certificate');
  const certificate = check.object(step['certificate'], certificatePath);
  if (!certificate) return;
  check.onlyFields(certificate, certificatePath, ['name', 'validYears']);
  check.string(certificate, 'name', certificatePath, true);
  const validYears = certificate['validYears'];
  if (validYears !== undefined && (typeof validYears !== 'number' || !Number.isInteger(validYears) || validYears < 1 || validYears > 100)) {
    check.report(at(certificatePath, 'validYears'), 'definition.invalid_value', 'must be a whole number of years from 1 to 100');
  }
}

function checkQueue(check: ShapeChecker, step: Fields, path: string): void {
  const queuePath = at(path, 'queue');
  if (step['queue'] === undefined) {
    check.report(queuePath, 'definition.required', 'a review step needs a queue');
    return;
  }
  const queue = check.object(step['queue'], queuePath);
  if (!queue) return;
  check.onlyFields(queue, queuePath, ['department', 'role']);
  check.string(queue, 'department', queuePath, true);
  check.string(queue, 'role', queuePath, true);
}

function checkJoint(check: ShapeChecker, step: Fields, path: string): void {
  check.string(step, 'role', path, false);
  checkSla(check, step, path);
  const participants = step['participants'];
  if (participants === undefined) {
    check.report(at(path, 'participants'), 'definition.required', 'a joint step needs participants');
  } else if (!Array.isArray(participants) || participants.length === 0) {
    check.report(at(path, 'participants'), 'definition.invalid_type', 'must be a non-empty list of departments');
  } else {
    participants.forEach((participant, index) => checkParticipant(check, participant, at(path, 'participants', index)));
  }

  const join = step['join'];
  const joinPath = at(path, 'join');
  if (join === undefined) {
    check.report(joinPath, 'definition.required', 'is required: all, any or { quorum: n }');
  } else if (isFields(join)) {
    check.onlyFields(join, joinPath, ['quorum']);
    const quorum = join['quorum'];
    const count = Array.isArray(participants) ? participants.length : undefined;
    if (typeof quorum !== 'number' || !Number.isInteger(quorum)) {
      check.report(at(joinPath, 'quorum'), 'definition.invalid_value', 'must be a whole number');
    } else if (quorum < 1 || (count !== undefined && count > 0 && quorum > count)) {
      check.report(
        at(joinPath, 'quorum'),
        'definition.quorum_out_of_range',
        `must be between 1 and the number of participants (${count ?? '?'})`,
      );
    }
  } else if (join !== 'all' && join !== 'any') {
    check.report(joinPath, 'definition.invalid_value', 'must be all, any or { quorum: n }');
  }
}

function checkParticipant(check: ShapeChecker, value: unknown, path: string): void {
  if (typeof value === 'string' && value.trim() !== '') return;
  if (!isFields(value)) {
    check.report(path, 'definition.invalid_type', 'must be a department code or { department, role?, sla? }');
    return;
  }
  check.onlyFields(value, path, ['department', 'role', 'sla']);
  check.string(value, 'department', path, true);
  check.string(value, 'role', path, false);
  checkSla(check, value, path);
}

function checkSla(check: ShapeChecker, owner: Fields, path: string): void {
  if (owner['sla'] === undefined) return;
  const sla = check.object(owner['sla'], at(path, 'sla'));
  if (!sla) return;
  check.onlyFields(sla, at(path, 'sla'), ['workingDays']);
  check.positiveInteger(sla, 'workingDays', at(path, 'sla'), true);
}

function checkDuration(check: ShapeChecker, step: Fields, path: string): void {
  const durationPath = at(path, 'duration');
  if (step['duration'] === undefined) {
    check.report(durationPath, 'definition.required', 'a timer step needs a duration');
    return;
  }
  const duration = check.object(step['duration'], durationPath);
  if (!duration) return;
  check.onlyFields(duration, durationPath, ['calendarDays', 'workingDays']);
  const units = ['calendarDays', 'workingDays'].filter((unit) => duration[unit] !== undefined);
  if (units.length !== 1) {
    check.report(durationPath, 'definition.invalid_value', 'give exactly one of calendarDays or workingDays');
    return;
  }
  check.positiveInteger(duration, units[0]!, durationPath, true);
}

function checkOutcomes(check: ShapeChecker, type: StepType, step: Fields, path: string): void {
  const outcomesPath = at(path, 'outcomes');
  if (step['outcomes'] === undefined) {
    check.report(outcomesPath, 'definition.required', 'is required');
    return;
  }
  const outcomes = check.object(step['outcomes'], outcomesPath);
  if (!outcomes) return;
  const allowed: readonly string[] = STEP_OUTCOMES[type];
  for (const [outcome, route] of Object.entries(outcomes)) {
    if (allowed.includes(outcome)) checkRoute(check, route, at(outcomesPath, outcome));
    else check.report(at(outcomesPath, outcome), 'definition.outcome_not_allowed', notAllowedMessage(type, outcome));
  }
  for (const outcome of REQUIRED_OUTCOMES[type]) {
    if (outcomes[outcome] === undefined) {
      check.report(at(outcomesPath, outcome), 'definition.required', `a ${type} step must route its ${outcome} outcome`);
    }
  }
  if (type === 'review' && Object.keys(outcomes).length === 0) {
    check.report(outcomesPath, 'definition.required', 'a review step needs at least one outcome');
  }
}

function notAllowedMessage(type: StepType, outcome: string): string {
  const allowed = `a ${type} step can produce: ${STEP_OUTCOMES[type].join(', ')}`;
  if (type === 'review' && outcome === 'transfer') {
    return `${allowed}; a transfer keeps the case at this step, so set transferable: true instead`;
  }
  if (type === 'joint' && outcome === 'correction') {
    return `${allowed}; a participant's correction returns to that participant and needs no route`;
  }
  return allowed;
}

function checkRoute(check: ShapeChecker, route: unknown, path: string): void {
  if (typeof route === 'string') {
    checkTarget(check, route, path);
    return;
  }
  if (!Array.isArray(route) || route.length === 0) {
    check.report(path, 'definition.invalid_type', 'must be a step id, end:<status>, or a non-empty list of { when?, to }');
    return;
  }
  route.forEach((value, index) => {
    const branchPath = at(path, index);
    const branch = check.object(value, branchPath);
    if (!branch) return;
    check.onlyFields(branch, branchPath, ['when', 'to']);
    const isLast = index === route.length - 1;
    check.string(branch, 'when', branchPath, false);
    if (isLast && branch['when'] !== undefined) {
      check.report(at(branchPath, 'when'), 'definition.route_default', 'the last branch is the default and takes no when');
    } else if (!isLast && branch['when'] === undefined) {
      const message = 'only the last branch may omit when; the branches after it would never be taken';
      check.report(branchPath, 'definition.route_default', message);
    }
    const to = branch['to'];
    if (to === undefined) check.report(at(branchPath, 'to'), 'definition.required', 'is required');
    else checkTarget(check, to, at(branchPath, 'to'));
  });
}

function checkTarget(check: ShapeChecker, target: unknown, path: string): void {
  if (typeof target !== 'string' || target.trim() === '') {
    check.report(path, 'definition.invalid_type', 'must be a step id or end:<status>');
  } else if (isEndTarget(target) && resolveTarget(target) === undefined) {
    check.report(path, 'definition.invalid_end_status', `an end status is one of: ${END_STATUSES.join(', ')}`);
  }
}

function isStepType(value: unknown): value is StepType {
  return typeof value === 'string' && (STEP_TYPES as readonly string[]).includes(value);
}
