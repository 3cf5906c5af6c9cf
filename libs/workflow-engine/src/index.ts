export {
  END_STATUSES,
  STEP_OUTCOMES,
  STEP_TYPES,
  TASK_ACTIONS,
  branchesOf,
  findStep,
  resolveTarget,
  type AutoStep,
  type Branch,
  type CertificateStep,
  type Duration,
  type EndStatus,
  type Join,
  type JointParticipant,
  type JointStep,
  type Limits,
  type Queue,
  type ResolvedTarget,
  type ReviewOutcome,
  type ReviewStep,
  type Route,
  type Sla,
  type Step,
  type StepType,
  type Target,
  type TaskAction,
  type TimerStep,
  type WorkflowDefinition,
} from './definition.js';
export type { DefinitionError, DefinitionErrorCode } from './definition-error.js';
export { parseDefinition, type ParseResult } from './parse.js';
export { validateDefinition, type RuleChecker, type RuleProblem, type ValidationContext } from './validate.js';
export { definitionGraph, type DefinitionGraph, type GraphEdge, type GraphNode } from './graph.js';
export { JOINT_ACTIONS, allowedActions, participantsFor, type Participant } from './actions.js';
export { approvalsNeeded, joinVerdict, type JointVerdict } from './joint.js';
export {
  CASE_STATUSES,
  currentSteps,
  isFinished,
  openCorrection,
  openTasks,
  pendingEvaluation,
  runningTimers,
  type Activity,
  type CaseState,
  type CaseStatus,
  type ClockState,
  type CorrectionNotice,
  type MissingItem,
  type NoticeItem,
  type ParticipantProgress,
  type Task,
} from './state.js';
export type { CaseEvent, CaseEventType, TaskEvent } from './events.js';
export type { ClockReason, Effect, EffectType, Notification, TaskOpening } from './effects.js';
export type { EngineError, EngineErrorCode } from './engine-error.js';
export { decide, type Decision } from './decide.js';
export {
  checkStepMapping,
  migrateCase,
  type CaseMove,
  type MappingProblem,
  type MappingProblemCode,
  type MoveRefusalCode,
  type StepMapping,
} from './migrate.js';
