/**
 * Pagination cursors a client was never given: base64url JSON built from a real cursor of the list, with
 * keys injected that a query might also use as parameters (`:department`, `:me`, `:recipientId`,
 * `:statuses`, …), positions moved to either end, and values of the wrong type. An honest list answers
 * each with a 400 or a page of rows the caller may see anyway.
 */

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function decodeCursor(cursor: string): unknown {
  return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
}

export interface Victim {
  userId: string;
  department: string;
}

/** Names a list query might bind besides the sort keys, each with a value that would widen it to the victim's rows. */
function injections(victim: Victim): Record<string, unknown> {
  return {
    department: victim.department,
    departmentCode: victim.department,
    me: victim.userId,
    recipientId: victim.userId,
    applicantId: victim.userId,
    ownerId: victim.userId,
    userId: victim.userId,
    statuses: ['open', 'claimed', 'decided', 'completed', 'cancelled', 'granted', 'declined', 'revoked', 'kept', 'acknowledged', 'resolved'],
    status: 'resolved',
    scope: null,
    limit: 100_000,
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}T/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A sort value moved to the far end of its range, so the forged page starts at the top (or bottom) of the list. */
function extreme(value: unknown, high: boolean): unknown {
  if (typeof value === 'string' && ISO.test(value)) return high ? '9999-12-31T23:59:59.999Z' : '0001-01-01T00:00:00.000Z';
  if (typeof value === 'string' && UUID.test(value)) return high ? 'ffffffff-ffff-ffff-ffff-ffffffffffff' : '00000000-0000-0000-0000-000000000000';
  if (typeof value === 'number') return high ? Number.MAX_SAFE_INTEGER : 0;
  if (typeof value === 'string' && /^\d+$/.test(value)) return high ? '9223372036854775807' : '0';
  if (typeof value === 'string') return high ? '\u{10FFFF}' : '';
  return value;
}

const mapValues = (object: Record<string, unknown>, f: (value: unknown) => unknown) => Object.fromEntries(Object.entries(object).map(([k, v]) => [k, f(v)]));

/** When no list gave a cursor out (too few rows), a shape with the sort keys our lists use. */
export function likelyCursor(): Record<string, unknown> {
  const at = new Date().toISOString();
  return { id: '00000000-0000-4000-8000-000000000000', createdAt: at, submittedAt: at, dueAt: at, detectedAt: at, changedAt: at, version: 1, code: 'a' };
}

/**
 * The forged cursors for a list whose genuine cursors look like `genuine` (the decoded nextCursor of
 * some page, or `likelyCursor()`).
 */
export function forgedCursors(genuine: Record<string, unknown>, victim: Victim): string[] {
  const injected = injections(victim);
  const cursors: unknown[] = [
    { ...genuine, ...injected },
    // From either end of the list, whichever way it is sorted.
    { ...mapValues(genuine, (v) => extreme(v, true)), ...injected },
    { ...mapValues(genuine, (v) => extreme(v, false)), ...injected },
    ...Object.entries(injected).map(([key, value]) => ({ ...genuine, [key]: value })),
    // The sort keys themselves as the wrong type, or as text that would end a SQL literal.
    ...Object.keys(genuine).flatMap((key) => [{}, [null], "' OR '1'='1"].map((bad) => ({ ...genuine, [key]: bad }))),
    // Prototype keys, and no object at all.
    JSON.parse(`{"__proto__": ${JSON.stringify(injected)}}`),
    [genuine],
    'x',
    null,
    {},
  ];
  // And not base64url JSON at all.
  return [...cursors.map(encode), '%%%', Buffer.from('{"id":').toString('base64url')];
}
