/** What a client is told when its write runs into a unique constraint. */
export interface UniqueConflict {
  code: string;
  detail: string;
  /** The request field that collided, when one did. */
  path?: string;
}

/**
 * The unique constraints a client's request can run into, by name. Services check first and answer these
 * codes themselves; the constraint is what decides when two requests race past the check together, and
 * the answer must be the same. Any other unique violation is a 409 `conflict.duplicate`.
 */
const BY_CONSTRAINT = new Map<string, UniqueConflict>([
  ['app_user_username_key', { code: 'user.username_taken', detail: 'This username is taken.', path: 'username' }],
  ['benefit_policy_code_key', { code: 'benefit_policy.exists', detail: 'A benefit policy with this code exists.', path: 'code' }],
]);

/** Primary keys are named by TypeORM's hashes, so these go by table. */
const BY_PRIMARY_KEY_OF = new Map<string, UniqueConflict>([
  ['service_item', { code: 'catalog.item_exists', detail: 'A service item with this code exists; change it with PUT.', path: 'code' }],
  ['bundle', { code: 'catalog.bundle_exists', detail: 'A bundle with this code exists; change it with PUT.', path: 'code' }],
]);

const GENERIC: UniqueConflict = { code: 'conflict.duplicate', detail: 'This would duplicate something that exists already.' };

interface PostgresError {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
}

/**
 * The conflict to answer for a PostgreSQL unique violation (SQLSTATE 23505), or null for any other error.
 * The database's own message is never passed on: its detail quotes the duplicated value (an ID number,
 * say).
 */
export function uniqueConflictOf(error: unknown): UniqueConflict | null {
  const candidate = error as { driverError?: PostgresError } & PostgresError;
  const pg = candidate?.driverError ?? candidate;
  if (pg?.code !== '23505') return null;
  const constraint = typeof pg.constraint === 'string' ? pg.constraint : '';
  const primaryKeyOf = constraint.startsWith('PK_') && typeof pg.table === 'string' ? pg.table : '';
  return BY_CONSTRAINT.get(constraint) ?? BY_PRIMARY_KEY_OF.get(primaryKeyOf) ?? GENERIC;
}
