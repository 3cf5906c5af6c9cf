import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { keysetPages } from '../database/keyset-pages.js';
import type { HistoryKeys } from './history-keys.js';
import type { IdNumberCipher } from './id-number-cipher.js';

/** The tables holding ID numbers sealed with DATA_KEY (`id_number_sealed`, `id_number_hash`). */
const SEALED_ID_NUMBERS = [
  { table: 'registry_person', idType: 'bigint' },
  { table: 'app_user', idType: 'uuid' },
] as const;

const BATCH = 5_000;
/** How many of the newest history rows start-up looks at for a HISTORY_KEY it lacks. */
const RECENT_HISTORY_ROWS = 1_000;

/** The database holds data protected by keys this process was not given: it must not start. */
export class MissingKeyError extends Error {
  constructor(message: string) {
    super(`${message} (docs/security-keys.md)`);
    this.name = 'MissingKeyError';
  }
}

// A sealed value reads `v1.<key id>.<…>` (@app/field-crypto): its key id is the second dot-separated part.
const SEALED_KEY_ID = "split_part(t.id_number_sealed, '.', 2)";

/**
 * Re-encrypts every ID number sealed under an older DATA_KEY (one in DATA_KEY_PREVIOUS) with the current
 * one, and re-hashes it, in batches; answers how many it changed. Each batch writes a row only if it is
 * still what was read, so a concurrent write is never undone (a row skipped so is sealed by its writer
 * under the current key anyway). Refuses when a row is sealed under a key this process lacks: another
 * process writing with another DATA_KEY would leave data nobody can read.
 */
export async function resealIdNumbers(db: DataSource, cipher: IdNumberCipher, batch = BATCH): Promise<number> {
  const current = cipher.currentKeyId;
  let changed = 0;
  for (const { table, idType } of SEALED_ID_NUMBERS) {
    const stale = await db.query<Array<{ key_id: string; rows: number }>>(
      `SELECT ${SEALED_KEY_ID} AS key_id, count(*)::int AS rows FROM ${table} t WHERE t.id_number_sealed IS NOT NULL AND ${SEALED_KEY_ID} <> $1 GROUP BY 1`,
      [current],
    );
    const unknown = stale.filter((row) => !cipher.keyIds.includes(row.key_id));
    if (unknown.length > 0) {
      throw new MissingKeyError(
        `${table} holds ID numbers sealed under DATA_KEY ${unknown.map((row) => `${row.key_id} (${row.rows} rows)`).join(', ')}, which this process was not given: ` +
          'set DATA_KEY to the key of this deployment, or list the old key in DATA_KEY_PREVIOUS',
      );
    }
    if (stale.length === 0) continue;
    const stalePages = keysetPages<{ sealed: string }>(
      db,
      { table, idType, select: 't.id_number_sealed AS sealed', where: `t.id_number_sealed IS NOT NULL AND ${SEALED_KEY_ID} <> $2`, params: [current] },
      batch,
    );
    for await (const rows of stalePages) {
      const fresh = rows.map((row) => cipher.protect(cipher.open(row.sealed)));
      const updated = await db.query<[unknown[], number]>(
        `UPDATE ${table} t SET id_number_sealed = u.sealed, id_number_hash = u.hash
           FROM unnest($1::${idType}[], $2::text[], $3::text[], $4::bytea[]) AS u(id, old, sealed, hash)
          WHERE t.id = u.id AND t.id_number_sealed = u.old`,
        [rows.map((row) => row.id), rows.map((row) => row.sealed), fresh.map((f) => f.sealed), fresh.map((f) => f.hash)],
      );
      changed += updated[1];
    }
    new Logger('Keys').log(`${table}: ID numbers re-encrypted under DATA_KEY ${current}`);
  }
  return changed;
}

/**
 * Refuses to start with HISTORY_KEY or HISTORY_SIGNING_KEY other than those that protected the recent
 * history: this process would write rows and checkpoints that the others cannot verify, and see theirs
 * as broken.
 */
export async function checkHistoryKeys(db: DataSource, keys: HistoryKeys): Promise<void> {
  const rows = await db.query<Array<{ key_id: string }>>(
    `SELECT DISTINCT hash_key_id AS key_id FROM (SELECT hash_key_id FROM case_history ORDER BY id DESC LIMIT ${RECENT_HISTORY_ROWS}) recent WHERE hash_key_id IS NOT NULL`,
  );
  const unknown = rows.map((row) => row.key_id).filter((id) => !keys.chain.get(id) && !keys.lostIds.includes(id));
  if (unknown.length > 0) {
    throw new MissingKeyError(
      `Recent case history is keyed with HISTORY_KEY ${unknown.join(', ')}, which this process was not given: set HISTORY_KEY (older keys in HISTORY_KEY_PREVIOUS; a key that is lost for good in HISTORY_KEY_LOST_IDS)`,
    );
  }
  const [latest] = await db.query<Array<{ key_id: string }>>('SELECT key_id FROM history_checkpoint ORDER BY number DESC LIMIT 1');
  if (latest && !keys.verifyKeys.has(latest.key_id)) {
    throw new MissingKeyError(
      `The latest history checkpoint is signed with key ${latest.key_id}, neither HISTORY_SIGNING_KEY nor in HISTORY_VERIFY_KEYS: set HISTORY_SIGNING_KEY, or list the old public key in HISTORY_VERIFY_KEYS`,
    );
  }
}
