/** A problem in a definition document, located by a JSON path such as `$.steps[3].outcomes.approve`. */
export interface DefinitionError {
  readonly path: string;
  readonly message: string;
  readonly code: DefinitionErrorCode;
}

export type DefinitionErrorCode =
  | 'definition.syntax'
  /** YAML that is more than data: tags outside the core schema, or aliases that expand without bound. */
  | 'definition.unsafe_yaml'
  | 'definition.required'
  | 'definition.invalid_type'
  | 'definition.invalid_value'
  | 'definition.unknown_field'
  | 'definition.unknown_step_type'
  | 'definition.outcome_not_allowed'
  | 'definition.invalid_end_status'
  | 'definition.route_default'
  | 'definition.duplicate_id'
  | 'definition.unknown_target'
  | 'definition.invalid_target'
  | 'definition.unreachable_step'
  | 'definition.no_end_reachable'
  | 'definition.unknown_department'
  | 'definition.duplicate_participant'
  | 'definition.quorum_out_of_range'
  | 'definition.rule_invalid'
  /** Raised by the shell, which knows the catalogue: the definition names a service item that does not exist. */
  | 'definition.unknown_service_item';

export type PathSegment = string | number;

export const ROOT = '$';

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Appends segments to a JSON path: names as `.name` (or `['odd-name']`), indexes as `[3]`. */
export function at(path: string, ...segments: PathSegment[]): string {
  return segments.reduce<string>((acc, segment) => {
    if (typeof segment === 'number') return `${acc}[${segment}]`;
    if (PLAIN_NAME.test(segment)) return `${acc}.${segment}`;
    return `${acc}['${segment.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`;
  }, path);
}
