/**
 * A problem with a rule, located in its text. `start`/`end` are JS string offsets (end exclusive);
 * `line` and `column` are 1-based and point at `start`, for people reading the rule in an editor.
 */
export interface RuleError {
  code: string;
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
}

export function ruleError(expression: string, code: string, message: string, start: number, end: number): RuleError {
  const [from, to] = wholeGroups(expression, clamp(start, expression.length), clamp(end, expression.length));
  const before = expression.slice(0, from);
  return {
    code,
    message,
    start: from,
    end: Math.max(to, from),
    line: before.split('\n').length,
    column: from - (before.lastIndexOf('\n') + 1) + 1,
  };
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(offset, 0), length);
}

/**
 * cel-js leaves a group's parentheses out of the range of the operation it starts or ends, so
 * `(a + b) == 'x'` would be located as `a + b) == 'x'`: widen the range over the parentheses it cuts.
 */
function wholeGroups(text: string, start: number, end: number): [number, number] {
  let unclosed = 0;
  let unopened = 0;
  for (let i = start; i < end; i++) {
    const char = text[i];
    if (char === '"' || char === "'") i = endOfString(text, i, end);
    else if (char === '(') unclosed++;
    else if (char === ')' && unclosed > 0) unclosed--;
    else if (char === ')') unopened++;
  }
  for (; unopened > 0; unopened--) {
    const open = text.slice(0, start).search(/\(\s*$/);
    if (open < 0) break;
    start = open;
  }
  for (; unclosed > 0; unclosed--) {
    const close = /^\s*\)/.exec(text.slice(end));
    if (!close) break;
    end += close[0].length;
  }
  return [start, end];
}

/** The offset of the quote closing the string literal opened at `open` (or `limit` if it is not closed before). */
function endOfString(text: string, open: number, limit: number): number {
  for (let i = open + 1; i < limit; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === text[open]) return i;
  }
  return limit;
}

/** Thrown by `compileRule` and `evaluateRule` when the rule does not parse or type-check. */
export class RuleCompileError extends Error {
  override readonly name = 'RuleCompileError';

  constructor(readonly errors: readonly RuleError[]) {
    super(errors.map((error) => `${error.line}:${error.column} ${error.message}`).join('; '));
  }
}

/**
 * Thrown when a well-typed rule fails on the given facts: a missing fact, a division by zero, an
 * integer overflow. A subject whose rule fails is not eligible; the SQL compiler answers NULL for it.
 */
export class RuleEvaluationError extends Error {
  override readonly name = 'RuleEvaluationError';

  constructor(readonly error: RuleError) {
    super(error.message);
  }

  get code(): string {
    return this.error.code;
  }
}

/** cel-js errors carry a code, a one-line summary and a source range; anything else is put on the whole rule. */
export function ruleErrorFromCel(expression: string, error: unknown): RuleError {
  if (error instanceof Error && 'code' in error && 'summary' in error) {
    const range = 'range' in error ? (error.range as { start: number; end: number } | undefined) : undefined;
    return ruleError(
      expression,
      String(error.code),
      String(error.summary),
      range?.start ?? 0,
      range?.end ?? expression.length,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return ruleError(expression, 'invalid_rule', message, 0, expression.length);
}
