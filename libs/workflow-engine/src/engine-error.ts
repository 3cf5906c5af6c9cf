export type EngineErrorCode =
  | 'engine.unknown_event'
  | 'engine.invalid_event'
  | 'engine.not_submitted'
  | 'engine.already_submitted'
  | 'engine.case_finished'
  | 'engine.task_not_open'
  | 'engine.action_not_allowed'
  | 'engine.no_correction_open'
  | 'engine.timer_not_running'
  | 'engine.evaluation_not_pending'
  | 'engine.definition_invalid';

export interface EngineError {
  readonly code: EngineErrorCode;
  readonly message: string;
}

export function engineError(code: EngineErrorCode, message: string): EngineError {
  return { code, message };
}
