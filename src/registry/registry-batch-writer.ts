import type { FieldChanges } from './registry-change.entity.js';
import type { RejectedLine } from './registry-import.entity.js';
import { selectRecord, type RegistryRecord, type RegistryTable } from './registry-tables.js';

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

function diff(table: RegistryTable, before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
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
 */
export async function writeBatch(db: Queryable, table: RegistryTable, importId: string, lines: readonly PendingRecord[]): Promise<BatchResult> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`registry:${table.table}`]);
  const keys = lines.flatMap((line) => (line.formerKey ? [keyOf(table, line.record), line.formerKey] : [keyOf(table, line.record)]));
  const key = table.columns.find((c) => c.field === table.keyField)!.column;
  const rows = await db.query<Array<Record<string, unknown> & { id: string }>>(
    `SELECT s.id::text AS id, ${selectRecord(table, 's')} FROM ${table.table} s WHERE s.${key} = ANY($1::text[]) FOR UPDATE`,
    [keys],
  );
  const stored = new Map<string, StoredRecord>(rows.map(({ id, ...record }) => [record[table.keyField] as string, { id, record }]));

  const result: BatchResult = { imported: 0, updated: 0, unchanged: 0, rejected: [], changedIds: [] };
  const writes: Write[] = [];
  const rekeys: Array<{ id: string; key: string }> = [];
  for (const { line, record, formerKey } of lines) {
    const values = record as unknown as Record<string, unknown>;
    const current = stored.get(keyOf(table, record)) ?? null;
    const former = formerKey ? (stored.get(formerKey) ?? null) : null;
    if (current && former) {
      const message = `Both ${keyOf(table, record)} and the former ${formerKey} are registered: two records cannot become one by import`;
      result.rejected.push({ line, code: 'registry.former_key_conflict', message, errors: [{ field: 'formerIdNumber', code: 'registry.former_key_conflict', message }] });
      continue;
    }
    const target = current ?? former;
    if (former) rekeys.push({ id: former.id, key: keyOf(table, record) });
    if (!target) {
      writes.push({ line, record: values, target: null, changes: null });
      continue;
    }
    const changes = diff(table, target.record, values);
    if (Object.keys(changes).length === 0) result.unchanged++;
    else writes.push({ line, record: values, target, changes });
  }

  if (rekeys.length > 0) {
    await db.query(
      `UPDATE ${table.table} s SET ${key} = r.key FROM unnest($1::bigint[], $2::text[]) AS r(id, key) WHERE s.id = r.id`,
      [rekeys.map((r) => r.id), rekeys.map((r) => r.key)],
    );
  }
  if (writes.length === 0) return result;

  const columns = table.columns;
  const params: unknown[] = columns.map((c) => writes.map((w) => w.record[c.field] ?? null));
  const upserted = await db.query<Array<{ id: string; key: string }>>(
    `INSERT INTO ${table.table} AS s (${columns.map((c) => c.column).join(', ')}, last_import_id)
     SELECT u.*, $${columns.length + 1}::uuid
       FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.sqlType}[]`).join(', ')}) AS u(${columns.map((c) => c.column).join(', ')})
     ON CONFLICT (${key}) DO UPDATE SET
       ${columns.filter((c) => c.column !== key).map((c) => `${c.column} = excluded.${c.column}`).join(', ')},
       last_import_id = excluded.last_import_id, updated_at = now()
     RETURNING s.id::text AS id, s.${key} AS key`,
    [...params, importId],
  );
  const idByKey = new Map(upserted.map((row) => [row.key, row.id]));

  const logged = writes.map((write) => ({
    id: write.target?.id ?? idByKey.get(write.record[table.keyField] as string)!,
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
