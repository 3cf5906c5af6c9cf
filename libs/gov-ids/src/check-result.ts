/** The answer of every check: the parsed parts, or a stable code for the UI and a message for people. */
export type CheckResult<T, Code extends string> = ({ ok: true } & T) | { ok: false; code: Code; message: string };
