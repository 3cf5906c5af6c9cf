import { describe, expect, it } from 'vitest';
import { normaliseStatement, parseStatementLog, statementShape, statementTotals, transactionKinds, transactions } from './statement-log.js';

/** As PostgreSQL 15 wrote it here (Debian's prefix), two databases interleaved. */
const LOG = `2026-12-06 02:09:06.353 UTC [2853] root@bench LOG:  duration: 0.331 ms  statement: START TRANSACTION
2026-12-06 02:09:06.363 UTC [2853] root@bench LOG:  duration: 0.896 ms  parse <unnamed>: SELECT $1::int AS a,
\t  2 AS b
2026-12-06 02:09:06.363 UTC [2853] root@bench LOG:  duration: 0.319 ms  bind <unnamed>: SELECT $1::int AS a,
\t  2 AS b
2026-12-06 02:09:06.363 UTC [2853] root@bench DETAIL:  parameters: $1 = '5'
2026-12-06 02:09:06.363 UTC [2853] root@bench LOG:  duration: 0.015 ms  execute <unnamed>: SELECT $1::int AS a,
\t  2 AS b
2026-12-06 02:09:06.363 UTC [2853] root@bench DETAIL:  parameters: $1 = '5'
2026-12-06 02:09:06.364 UTC [2900] root@other LOG:  duration: 0.100 ms  statement: SELECT 1
2026-12-06 02:09:06.364 UTC [2901] root@bench LOG:  duration: 0.200 ms  statement: SELECT count(*) FROM case_record WHERE status = 'approved'
2026-12-06 02:09:06.365 UTC [2853] root@bench LOG:  duration: 0.170 ms  statement: INSERT INTO "case_history"("case_id") VALUES ('x')
2026-12-06 02:09:06.365 UTC [2853] root@bench LOG:  duration: 0.029 ms  statement: COMMIT
2026-12-06 02:09:06.366 UTC [2853] root@bench ERROR:  duplicate key value violates unique constraint
2026-12-06 02:09:06.366 UTC [77] LOG:  checkpoint starting: time
`;

describe('the statement log', () => {
  const entries = parseStatementLog(LOG, 'bench');

  it('keeps the duration records of the one database, with their multi-line text', () => {
    expect(entries.map((e) => [e.pid, e.phase, e.ms])).toEqual([
      [2853, 'statement', 0.331],
      [2853, 'parse', 0.896],
      [2853, 'bind', 0.319],
      [2853, 'execute', 0.015],
      [2901, 'statement', 0.2],
      [2853, 'statement', 0.17],
      [2853, 'statement', 0.029],
    ]);
    expect(entries[3]!.text).toBe('SELECT $1::int AS a,\n  2 AS b');
  });

  it('counts a statement once per execution, with the time of its parse, bind and execute', () => {
    const totals = statementTotals(entries);
    const select = totals.find((t) => t.sql === 'SELECT $1::int AS a, ? AS b')!;
    expect(select.calls).toBe(1);
    expect(select.ms).toBeCloseTo(0.896 + 0.319 + 0.015, 6);
    expect(select.planMs).toBeCloseTo(0.896 + 0.319, 6);
    expect(totals.reduce((sum, t) => sum + t.calls, 0)).toBe(5);
  });

  it('replaces literals but not parameters or identifiers', () => {
    expect(normaliseStatement(`SELECT  t1.a FROM x t1 WHERE b = 'it''s' AND c > 10 AND d = $2`)).toBe('SELECT t1.a FROM x t1 WHERE b = ? AND c > ? AND d = $2');
  });

  it('groups statements into the transactions each connection ran', () => {
    expect(transactions(entries)).toEqual([
      ['SELECT count(*) FROM case_record WHERE status = \'approved\''],
      ['SELECT $1::int AS a,\n  2 AS b', 'INSERT INTO "case_history"("case_id") VALUES (\'x\')'],
    ]);
  });

  it('names transactions by the shapes of their statements', () => {
    const kinds = transactionKinds([
      ['SELECT pg_advisory_xact_lock(hashtext($1))', 'INSERT INTO "outbox_message"("queue") VALUES ($1)', 'INSERT INTO "outbox_message"("queue") VALUES ($1)'],
      ['SELECT pg_advisory_xact_lock(hashtext($1))', 'INSERT INTO "outbox_message"("queue") VALUES ($1)', 'INSERT INTO "outbox_message"("queue") VALUES ($1)'],
      ['SELECT 1'],
    ]);
    expect(kinds).toEqual([
      { signature: 'SELECT pg_advisory_xact_lock → INSERT outbox_message ×2', count: 2, statements: 6 },
      { signature: 'SELECT', count: 1, statements: 1 },
    ]);
  });

  it('finds the table of the usual statement shapes', () => {
    expect(statementShape('SELECT "C"."id" AS "C_id" FROM "case_record" "C" WHERE "C"."id" = $1')).toBe('SELECT case_record');
    expect(statementShape('UPDATE "case_record" SET "version" = version + 1 WHERE id = $1')).toBe('UPDATE case_record');
    expect(statementShape('WITH claimed AS (\n UPDATE outbox_message SET claimed_until = now() WHERE id IN (SELECT id FROM outbox_message)) SELECT * FROM claimed')).toBe(
      'UPDATE outbox_message',
    );
    expect(statementShape('INSERT INTO case_number_counter (year) VALUES ($1) ON CONFLICT (year) DO UPDATE SET last = 1')).toBe('INSERT case_number_counter');
  });
});
