/**
 * The workflow definition document: what admins write (JSON or YAML), what the
 * validator checks and what `decide` interprets. The typed shape is the document's own
 * shape, so what the API accepts is what it returns.
 */

export const END_STATUSES = ['approved', 'rejected', 'refused', 'withdrawn', 'completed'] as const;
export type EndStatus = (typeof END_STATUSES)[number];

export const STEP_TYPES = ['review', 'auto', 'joint', 'timer', 'certificate'] as const;
export type StepType = (typeof STEP_TYPES)[number];

/** What a clerk can do to a task (the `action` of `POST /api/tasks/:id/decision`). */
export const TASK_ACTIONS = ['accept', 'refuse', 'correction', 'approve', 'reject', 'transfer'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** The outcomes each step type can produce, in the order they are listed to clerks. */
export const STEP_OUTCOMES = {
  // `transfer` keeps the case at the same step, so it is switched on by `transferable`, not routed.
  review: ['accept', 'refuse', 'correction', 'approve', 'reject'],
  auto: ['true', 'false'],
  joint: ['approve', 'reject'],
  timer: ['done'],
  certificate: ['done'],
} as const satisfies Record<StepType, readonly string[]>;

export type ReviewOutcome = (typeof STEP_OUTCOMES.review)[number];

/** A step id, or `end:<status>`. */
export type Target = string;

/** One routing branch: taken when `when` (a CEL rule) holds; a branch without `when` is the default. */
export interface Branch {
  readonly when?: string;
  readonly to: Target;
}

/** Where an outcome leads: straight to a target, or through branches tried in order. */
export type Route = Target | readonly Branch[];

export interface Sla {
  readonly workingDays: number;
}

export type Duration = { readonly calendarDays: number } | { readonly workingDays: number };

export interface Queue {
  readonly department: string;
  readonly role: string;
}

interface StepCommon {
  readonly id: string;
  readonly name?: string;
}

/** A human task in one department's queue. */
export interface ReviewStep extends StepCommon {
  readonly type: 'review';
  readonly queue: Queue;
  readonly sla?: Sla;
  /** Clerks may hand the task to another department's queue at the same step. */
  readonly transferable?: boolean;
  /** `correction` routes to the step whose task reopens once the applicant answers. */
  readonly outcomes: Readonly<Partial<Record<ReviewOutcome, Route>>>;
}

/** 秒批: a rule decides, evaluated outside `decide` (see README). */
export interface AutoStep extends StepCommon {
  readonly type: 'auto';
  readonly rule: string;
  readonly outcomes: { readonly true: Route; readonly false: Route };
}

export type JointParticipant =
  | string
  | { readonly department: string; readonly role?: string; readonly sla?: Sla };

export type Join = 'all' | 'any' | { readonly quorum: number };

/** 联办: departments decide in parallel; the join decides as soon as the outcome is certain. */
export interface JointStep extends StepCommon {
  readonly type: 'joint';
  readonly participants: readonly JointParticipant[];
  readonly join: Join;
  /** Role of the participants' tasks unless a participant names its own. */
  readonly role?: string;
  /** SLA of every participant's task unless a participant names its own. */
  readonly sla?: Sla;
  readonly outcomes: { readonly approve: Route; readonly reject: Route };
}

/** A period the case waits out, e.g. 公示. */
export interface TimerStep extends StepCommon {
  readonly type: 'timer';
  readonly duration: Duration;
  readonly pausesClock?: boolean;
  readonly outcomes: { readonly done: Route };
}

/** Issues the electronic licence and moves on at once. */
export interface CertificateStep extends StepCommon {
  readonly type: 'certificate';
  /** The licence issued (电子证照); without it the service item's name is used. */
  readonly certificate?: { readonly name: string; readonly validYears?: number };
  readonly outcomes: { readonly done: Route };
}

export type Step = ReviewStep | AutoStep | JointStep | TimerStep | CertificateStep;

export interface Limits {
  readonly statutoryDays: number;
  readonly promisedDays: number;
}

export interface WorkflowDefinition {
  readonly key: string;
  readonly name: string;
  readonly description?: string;
  readonly serviceItem?: string;
  readonly limits?: Limits;
  /** The case starts at the first step. */
  readonly steps: readonly Step[];
}

const END_PREFIX = 'end:';

export type ResolvedTarget = { kind: 'end'; status: EndStatus } | { kind: 'step'; stepId: string };

/** Reads a target; `undefined` for `end:<something not allowed>`. */
export function resolveTarget(target: Target): ResolvedTarget | undefined {
  if (!target.startsWith(END_PREFIX)) return { kind: 'step', stepId: target };
  const status = target.slice(END_PREFIX.length);
  return isEndStatus(status) ? { kind: 'end', status } : undefined;
}

export function isEndTarget(target: Target): boolean {
  return target.startsWith(END_PREFIX);
}

export function isEndStatus(value: string): value is EndStatus {
  return (END_STATUSES as readonly string[]).includes(value);
}

export function branchesOf(route: Route): readonly Branch[] {
  return typeof route === 'string' ? [{ to: route }] : route;
}

/** The outcomes a step actually routes, with their routes, in document order. */
export function routesOf(step: Step): [outcome: string, route: Route][] {
  return Object.entries(step.outcomes as Record<string, Route | undefined>).filter(
    (entry): entry is [string, Route] => entry[1] !== undefined,
  );
}

export function findStep(definition: WorkflowDefinition, stepId: string): Step | undefined {
  return definition.steps.find((step) => step.id === stepId);
}
