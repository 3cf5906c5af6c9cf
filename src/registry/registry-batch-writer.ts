import type { FieldChanges } from './registry-change.entity.js';
import type { RejectedLine } from './registry-import.entity.js';
import { selectRecord, type KeyStorage, type RegistryRecord, type RegistryTable } from './registry-tables.js';

/** What a batch statement needs from a connection: TypeORM's EntityManager inside a transaction. */
export interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** A validated line waiting for its batch; `formerKey` re-keys an existing record (a corrected ID number). */
export interface PendingRecord {
  line: number;
  record: RegistryRecord;
  formerKey: string | null;
}

export interface BatchResult {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: RejectedLine[];
  /** Subjects created or changed, for re-evaluation against the active policies. */
  changedIds: string[];
}

interface StoredRecord {
  id: string;
  /** The look-up value it was found under: an older key's while a rotation is under way. */
  lookup: string;
  record: Record<string, unknown>;
}

interface Write {
  line: number;
  record: Record<string, unknown>;
  /** The subject being updated (null: a new one) and its values before this line. */
  target: StoredRecord | null;
  changes: FieldChanges | null;
}

const keyOf = (table: RegistryTable, record: RegistryRecord) => (record as unknown as Record<string, string>)[table.keyField];
/** Look-up values as map keys: a hash (bytea, a Buffer) by its hex. */
const lookupText = (value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : String(value));

function diff(table: RegistryTable, keys: KeyStorage, before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  const { keyField } = table;
  if (before[keyField] !== after[keyField]) changes[keyField] = { old: keys.logged(before[keyField] as string), new: keys.logged(after[keyField] as string) };
  for (const { field } of table.columns) {
    if (before[field] !== after[field]) changes[field] = { old: before[field], new: after[field] };
  }
  return changes;
}

/**
 * Writes one batch of validated lines in the caller's transaction: reads the stored versions, records
 * only what changed (an identical line writes nothing), upserts with one statement and logs the
 * changes with another. Batches of concurrent imports of the same registry are serialised by an
 * advisory lock, so what was read is what gets overwritten. The caller must not put two lines with
 * the same key (or former key) in one batch: each line is diffed against the stored record.
 *
 * Records are found by `keys`: an ID number by its keyed hash under every DATA_KEY in use (a record
 * found under an older key's is re-keyed to the current one on the way), never by the number itself.
 */
export async function writeBatch(db: Queryable, table: RegistryTable, keys: KeyStorage, importId: string, lines: readonly PendingRecord[]): Promise<BatchResult> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`registry:${table.table}`]);
  const lookupsOf = new Map<string, Array<string | Buffer>>();
  for (const { record, formerKey } of lines) {
    for (const key of formerKey ? [keyOf(table, record), formerKey] : [keyOf(table, record)]) lookupsOf.set(key, keys.lookups(key));
  }
  const lookup = keys.lookupColumn;
  const rows = await db.query<Array<Record<string, unknown> & { id: string; lookup: unknown }>>(
    `SELECT s.id::text AS id, s.${lookup} AS lookup, ${selectRecord(table, 's')} FROM ${table.table} s WHERE s.${lookup} = ANY($1::${keys.lookupType}[]) FOR UPDATE`,
    [[...lookupsOf.values()].flat()],
  );
  const byLookup = new Map(rows.map(({ id, lookup, ...record }) => [lookupText(lookup), { id, lookup: lookupText(lookup), record }]));
  const find = (key: string): StoredRecord | null => {
    for (const value of lookupsOf.get(key)!) {
      const stored = byLookup.get(lookupText(value));
      if (stored) return { ...stored, record: { ...stored.record, [table.keyField]: key } };
    }
    return null;
  };

  const result: BatchResult = { imported: 0, updated: 0, unchanged: 0, rejected: [], changedIds: [] };
  const writes: Write[] = [];
  const rekeys: Array<{ id: string; key: string }> = [];
  for (const { line, record, formerKey } of lines) {
    const key = keyOf(table, record);
    const values = record as unknown as Record<string, unknown>;
    const current = find(key);
    const former = formerKey ? find(formerKey) : null;
    if (current && former) {
      const message = `Both ${keys.logged(key)} and the former ${keys.logged(formerKey!)} are registered: two records cannot become one by import`;
      result.rejected.push({ line, code: 'registry.former_key_conflict', message, errors: [{ field: 'formerIdNumber', code: 'registry.former_key_conflict', message }] });
      continue;
    }
    const target = current ?? former;
    // Moved to the new key, or found under an older DATA_KEY's hash: stored anew under the current key.
    if (target && (former || target.lookup !== lookupText(lookupsOf.get(key)![0]))) rekeys.push({ id: target.id, key });
    if (!target) {
      writes.push({ line, record: values, target: null, changes: null });
      continue;
    }
    const changes = diff(table, keys, target.record, values);
    if (Object.keys(changes).length === 0) result.unchanged++;
    else writes.push({ line, record: values, target, changes });
  }

  if (rekeys.length > 0) await rekey(db, table, keys, rekeys.map((r) => ({ id: r.id, values: keyValuesOf(keys, r.key, lookupsOf) })));
  if (writes.length === 0) return result;

  // New records are inserted with their key columns; existing ones (found, and re-keyed, above) conflict on the
  // look-up column and only have their fields updated.
  const keyColumns = keyColumnsOf(keys);
  const columns = [...table.columns, ...keyColumns];
  const keyValues = writes.map((write) => keyValuesOf(keys, keyOf(table, write.record as unknown as RegistryRecord), lookupsOf));
  const params: unknown[] = [
    ...table.columns.map((c) => writes.map((w) => w.record[c.field] ?? null)),
    ...keyColumns.map((_, i) => keyValues.map((values) => values[i])),
  ];
  const upserted = await db.query<Array<{ id: string; lookup: unknown }>>(
    `INSERT INTO ${table.table} AS s (${columns.map((c) => c.column).join(', ')}, last_import_id)
     SELECT u.*, $${columns.length + 1}::uuid
       FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.sqlType}[]`).join(', ')}) AS u(${columns.map((c) => c.column).join(', ')})
     ON CONFLICT (${lookup}) DO UPDATE SET
       ${table.columns.map((c) => `${c.column} = excluded.${c.column}`).join(', ')},
       last_import_id = excluded.last_import_id, updated_at = now()
     RETURNING s.id::text AS id, s.${lookup} AS lookup`,
    [...params, importId],
  );
  const idByLookup = new Map(upserted.map((row) => [lookupText(row.lookup), row.id]));

  const logged = writes.map((write, i) => ({
    id: write.target?.id ?? idByLookup.get(lookupText(keyValues[i][0]))!,
    kind: write.target ? 'updated' : 'created',
    changes: write.changes ? JSON.stringify(write.changes) : null,
  }));
  await db.query(
    `INSERT INTO registry_change (import_id, subject_type, subject_id, kind, changes)
     SELECT $1, $2, c.id, c.kind, c.changes FROM unnest($3::bigint[], $4::text[], $5::jsonb[]) AS c(id, kind, changes)`,
    [importId, table.subjectType, logged.map((c) => c.id), logged.map((c) => c.kind), logged.map((c) => c.changes)],
  );
  for (const change of logged) {
    if (change.kind === 'created') result.imported++;
    else result.updated++;
    result.changedIds.push(change.id);
  }
  return result;
}

/** The columns a key is stored in: the look-up column, then any that hold it sealed. */
const keyColumnsOf = (keys: KeyStorage) => [{ column: keys.lookupColumn, sqlType: keys.lookupType }, ...keys.sealedColumns];

/** A key's values for keyColumnsOf, its current look-up value taken from those the batch computed. */
const keyValuesOf = (keys: KeyStorage, key: string, lookupsOf: ReadonlyMap<string, unknown[]>) => [lookupsOf.get(key)![0], ...keys.sealedValues(key)];

/** Stores records under new keys (a corrected ID number), or their own key under the current DATA_KEY. */
async function rekey(db: Queryable, table: RegistryTable, keys: KeyStorage, rekeys: Array<{ id: string; values: unknown[] }>): Promise<void> {
  const columns = keyColumnsOf(keys);
  await db.query(
    `UPDATE ${table.table} s SET ${columns.map((c) => `${c.column} = r.${c.column}`).join(', ')}
       FROM unnest($1::bigint[], ${columns.map((c, i) => `$${i + 2}::${c.sqlType}[]`).join(', ')}) AS r(id, ${columns.map((c) => c.column).join(', ')})
      WHERE s.id = r.id`,
    [rekeys.map((r) => r.id), ...columns.map((_, i) => rekeys.map((r) => r.values[i]))],
  );
}
