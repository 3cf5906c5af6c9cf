/**
 * Reads PostgreSQL's statement log (log_min_duration_statement = 0, Debian's default prefix
 * `%m [%p] %q%u@%d `) into statements and transactions, for servers where pg_stat_statements is not
 * preloaded. Pure: the caller reads the file.
 */

export type StatementPhase = 'statement' | 'parse' | 'bind' | 'execute';

export interface LoggedStatement {
  pid: number;
  phase: StatementPhase;
  ms: number;
  text: string;
}

const RECORD_START = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (.*)$/;
const DURATION = /^LOG: {2}duration: ([\d.]+) ms {2}(statement|parse|bind|execute)(?: [^:]*)?: ([\s\S]*)$/;

/** The duration records of one database; other records (DETAIL lines, other databases, errors) are skipped. */
export function parseStatementLog(text: string, database: string): LoggedStatement[] {
  const records: { pid: number; body: string }[] = [];
  for (const line of text.split('\n')) {
    const start = RECORD_START.exec(line);
    if (start) records.push({ pid: Number(start[1]), body: start[2]! });
    // A statement's further lines follow its record, indented by a tab.
    else if (records.length > 0 && line.startsWith('\t')) records[records.length - 1]!.body += `\n${line.slice(1)}`;
  }
  const marker = `@${database} `;
  const statements: LoggedStatement[] = [];
  for (const { pid, body } of records) {
    const at = body.indexOf(marker);
    if (at < 0 || body.slice(0, at).includes(' ')) continue;
    const duration = DURATION.exec(body.slice(at + marker.length));
    if (duration) statements.push({ pid, phase: duration[2] as StatementPhase, ms: Number(duration[1]), text: duration[3]! });
  }
  return statements;
}

/** One line per statement shape: whitespace collapsed, literals in the SQL text replaced by `?`. */
export function normaliseStatement(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, '?')
    .replace(/(?<![\w$])\d+(?:\.\d+)?(?!\w)/g, '?')
    .replace(/\s+/g, ' ')
    .trim();
}

const executes = (entry: LoggedStatement) => entry.phase === 'statement' || entry.phase === 'execute';

export interface StatementTotals {
  sql: string;
  calls: number;
  /** Parse, bind and execute together, as the server spent them (waits for locks and WAL flushes included). */
  ms: number;
  /** Parse and bind: an unnamed statement is parsed, analysed and planned again at every execution. */
  planMs: number;
}

/** Calls and server time per statement shape, most called first. */
export function statementTotals(entries: readonly LoggedStatement[]): StatementTotals[] {
  const totals = new Map<string, StatementTotals>();
  for (const entry of entries) {
    const sql = normaliseStatement(entry.text);
    const total = totals.get(sql) ?? { sql, calls: 0, ms: 0, planMs: 0 };
    if (executes(entry)) total.calls += 1;
    if (entry.phase === 'parse' || entry.phase === 'bind') total.planMs += entry.ms;
    total.ms += entry.ms;
    totals.set(sql, total);
  }
  return [...totals.values()].sort((a, b) => b.calls - a.calls || b.ms - a.ms);
}

const BEGIN = /^(BEGIN|START TRANSACTION)\b/i;
const END = /^(COMMIT|ROLLBACK|END)\b/i;

/**
 * Transactions as each connection ran them: the statements between BEGIN and COMMIT/ROLLBACK, and every
 * statement outside a block as a transaction of its own (as pg_stat_database counts them).
 */
export function transactions(entries: readonly LoggedStatement[]): string[][] {
  const open = new Map<number, string[]>();
  const done: string[][] = [];
  for (const entry of entries.filter(executes)) {
    const sql = entry.text.trim();
    const current = open.get(entry.pid);
    if (BEGIN.test(sql)) {
      if (current) done.push(current);
      open.set(entry.pid, []);
    } else if (END.test(sql)) {
      done.push(current ?? []);
      open.delete(entry.pid);
    } else if (current) current.push(sql);
    else done.push([sql]);
  }
  done.push(...open.values());
  return done;
}

/** `INSERT case_record`, `UPDATE outbox_message`, `SELECT app_user`, `SELECT pg_advisory_xact_lock`… */
export function statementShape(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  const verb = /^WITH\b/i.test(text) ? (/\b(INSERT|UPDATE|DELETE)\b/i.exec(text)?.[1] ?? 'SELECT') : (text.split(' ')[0] ?? '');
  const table = /\b(?:INTO|UPDATE|FROM)\s+"?([\w.]+)"?/i.exec(text.replace(/^WITH .*?\bAS \(/i, ''))?.[1];
  if (table) return `${verb.toUpperCase()} ${table}`;
  const call = /^SELECT\s+([\w.]+)\s*\(/i.exec(text)?.[1];
  return call ? `SELECT ${call}` : verb.toUpperCase();
}

export interface TransactionKind {
  /** The shapes of its statements in order, repeats folded (`INSERT case_history ×2`). */
  signature: string;
  count: number;
  statements: number;
}

/** Transactions grouped by what they do, most frequent first. */
export function transactionKinds(list: readonly string[][]): TransactionKind[] {
  const kinds = new Map<string, TransactionKind>();
  for (const statements of list) {
    const folded: { shape: string; times: number }[] = [];
    for (const shape of statements.map(statementShape)) {
      const last = folded[folded.length - 1];
      if (last?.shape === shape) last.times += 1;
      else folded.push({ shape, times: 1 });
    }
    const signature = folded.map(({ shape, times }) => (times > 1 ? `${shape} ×${times}` : shape)).join(' → ') || '(empty)';
    const kind = kinds.get(signature) ?? { signature, count: 0, statements: 0 };
    kind.count += 1;
    kind.statements += statements.length;
    kinds.set(signature, kind);
  }
  return [...kinds.values()].sort((a, b) => b.count - a.count);
}
