import { randomUUID } from 'node:crypto';
import { maskResidentId } from '@app/gov-ids';
import { FieldCipher, generateKeyText, keyIdOf, parseKey } from '@app/field-crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../migrations/index.js';
import { unkeyedEntryHash, GENESIS_HASH, type ChainEntry } from '../src/cases/history-chain.js';
import { loadConfig } from '../src/config/app-config.js';
import { runMigrations } from '../src/database/data-source.js';
import { createDataSource } from '../src/schema.js';
import { migrationKeysOf } from '../src/keys/migration-keys.js';
import { secretKeys } from '../src/keys/secret-keys.js';
import { idNumberOf } from './support/registry-fixtures.js';
import { privateDatabase, type PrivateDatabase } from './support/private-database.js';
import { startTestSystem, TEST_KEYS, testIdNumbers, type TestSystem } from './support/system.js';

/**
 * A deployment of the release before ID numbers were sealed and history was keyed, upgraded: nothing
 * is lost, nothing stays in the clear, the old history still verifies (and only up to where it was
 * sealed); then DATA_KEY is rotated, and a process with the wrong keys is refused.
 */
const BEFORE_KEYS = migrations.slice(0, migrations.findIndex((m) => m.name.startsWith('SealIdNumbers')));

let database: PrivateDatabase;
let client: pg.Client;
const person = idNumberOf('F', '1942-09-08');
const moved = idNumberOf('F', '1942-09-18');
const accountId = '220102198503141231';
const caseId = randomUUID();

/** What the older release wrote: a registry person (re-keyed once), an account, and a case with a two-row SHA-256 history. */
async function writeOldData(): Promise<void> {
  const [{ id: importId }] = (await client.query(`INSERT INTO registry_import (subject_type, format, source) VALUES ('person', 'csv', 'api') RETURNING id`)).rows;
  const [{ id: subjectId }] = (
    await client.query(
      `INSERT INTO registry_person (id_number, name, gender, birth_date, hukou_district, disability_level, monthly_income, household_size, last_import_id)
       VALUES ($1, '李娜', 'F', $2, '南关区', 2, 2350, 2, $3) RETURNING id`,
      [moved.idNumber, moved.birthDate, importId],
    )
  ).rows;
  await client.query(`INSERT INTO registry_change (import_id, subject_type, subject_id, kind, changes) VALUES ($1, 'person', $2, 'updated', $3)`, [
    importId,
    subjectId,
    JSON.stringify({ idNumber: { old: person.idNumber, new: moved.idNumber } }),
  ]);
  await client.query(`INSERT INTO app_user (username, password_hash, roles, display_name, id_number, version) VALUES ('old-citizen', 'x', '{citizen}', '张伟', $1, 1)`, [accountId]);

  let prev = GENESIS_HASH;
  const at = new Date('2026-03-02T01:00:00.000Z');
  for (const [seq, action] of [[1, 'submit'], [2, 'withdraw']] as const) {
    const entry: ChainEntry = { caseId, seq, at: new Date(at.getTime() + seq * 60_000).toISOString(), actorId: null, actor: '张伟', action, fromStatus: null, toStatus: action === 'submit' ? 'submitted' : 'withdrawn', comment: null, data: {} };
    const hash = unkeyedEntryHash(prev, entry);
    await client.query(
      `INSERT INTO case_history (case_id, seq, at, actor_id, actor, action, from_status, to_status, comment, data, prev_hash, hash) VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, NULL, '{}', $8, $9)`,
      [caseId, seq, entry.at, entry.actor, action, entry.fromStatus, entry.toStatus, prev, hash],
    );
    prev = hash;
  }
  await client.query(
    `INSERT INTO case_record (id, case_no, applicant_id, status, form, materials, material_list, applicant, submitted_at, last_event_at, history_head, history_seq, version)
     VALUES ($1, $2, $3, 'withdrawn', '{}', '[]', '[]', '{}', $4, $4, $5, 2, 1)`,
    [caseId, `NG2026-OLD-${caseId.slice(0, 6)}`, randomUUID(), at, prev],
  );
}

const keysOf = (env: Record<string, string>) => secretKeys(loadConfig({ DATABASE_URL: database.url, ...env }));

beforeAll(async () => {
  database = await privateDatabase('protected_data', BEFORE_KEYS);
  client = new pg.Client(database.url);
  await client.connect();
  await writeOldData();
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe('upgrading a deployment with ID numbers and history in the clear', () => {
  it('refuses to convert without the keys, and leaves everything as it was', async () => {
    const dataSource = createDataSource(database.url, { poolSize: 2 });
    await dataSource.initialize();
    try {
      await expect(runMigrations(dataSource)).rejects.toThrow(/DATA_KEY and HISTORY_KEY/);
    } finally {
      await dataSource.destroy();
    }
    expect((await client.query('SELECT id_number FROM registry_person')).rows).toEqual([{ id_number: moved.idNumber }]);
  });

  it('seals every ID number, masks those quoted in the change log, and seals the old history', async () => {
    const dataSource = createDataSource(database.url, { poolSize: 2 });
    await dataSource.initialize();
    try {
      const applied = await runMigrations(dataSource, migrationKeysOf(keysOf(TEST_KEYS)));
      expect(applied).toEqual(migrations.slice(BEFORE_KEYS.length).map((m) => m.name));
    } finally {
      await dataSource.destroy();
    }
    const idNumbers = testIdNumbers();
    const [stored] = (await client.query('SELECT id_number_sealed AS sealed, id_number_hash AS hash, row_to_json(p)::text AS everything FROM registry_person p')).rows;
    expect(idNumbers.open(stored.sealed)).toBe(moved.idNumber);
    expect(stored.hash).toEqual(idNumbers.lookupHash(moved.idNumber));
    expect(stored.everything).not.toContain(moved.idNumber);
    const [account] = (await client.query(`SELECT id_number_sealed AS sealed, id_number_hash AS hash FROM app_user WHERE username = 'old-citizen'`)).rows;
    expect(idNumbers.open(account.sealed)).toBe(accountId);
    expect(account.hash).toEqual(idNumbers.lookupHash(accountId));
    const [change] = (await client.query('SELECT changes FROM registry_change')).rows;
    expect(change.changes).toEqual({ idNumber: { old: maskResidentId(person.idNumber), new: maskResidentId(moved.idNumber) } });
    const columns = (await client.query(`SELECT table_name FROM information_schema.columns WHERE column_name = 'id_number'`)).rows;
    expect(columns).toEqual([]);
    expect((await client.query('SELECT case_id, seq FROM case_history_seal')).rows).toEqual([{ case_id: caseId, seq: 2 }]);
  });
});

describe('the upgraded deployment', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem('single-server', { DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await system?.stopAll();
  });

  it('finds people by ID number, and still verifies the history written before keys, up to its seal', async () => {
    const [admin, supervisor] = await Promise.all(['admin', 'supervisor'].map((u) => system.login(u)));
    const changes = await system.http().get('/api/registry/changes').query({ idNumber: moved.idNumber }).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(changes.body.items).toHaveLength(1);
    const verify = () => system.http().get(`/api/cases/${caseId}/history/verify`).set('Authorization', `Bearer ${supervisor}`).expect(200);
    expect((await verify()).body).toEqual({ valid: true });
    // Row 2 rewritten and re-hashed the old way (SHA-256 needs no key): the seal no longer matches.
    const row = (await client.query('SELECT seq, at, actor, action, from_status, to_status, prev_hash FROM case_history WHERE case_id = $1 AND seq = 2', [caseId])).rows[0];
    const forged: ChainEntry = { caseId, seq: 2, at: row.at.toISOString(), actorId: null, actor: row.actor, action: row.action, fromStatus: row.from_status, toStatus: 'approved', comment: null, data: {} };
    const hash = unkeyedEntryHash(row.prev_hash, forged);
    await client.query(`UPDATE case_history SET to_status = 'approved', hash = $2 WHERE case_id = $1 AND seq = 2`, [caseId, hash]);
    await client.query('UPDATE case_record SET history_head = $2 WHERE id = $1', [caseId, hash]);
    expect((await verify()).body).toEqual({ valid: false, brokenAt: 2, reason: 'row_changed' });
  });
});

describe('rotating DATA_KEY', () => {
  const rotated = { ...TEST_KEYS, DATA_KEY: generateKeyText(), DATA_KEY_PREVIOUS: TEST_KEYS.DATA_KEY };
  const newKeyId = () => keyIdOf((parseKey(rotated.DATA_KEY) as { key: Buffer }).key);

  it('re-encrypts every ID number under the new key at start-up, and people are found as before', async () => {
    const system = await startTestSystem('single-server', { DATABASE_URL: database.url, ...rotated });
    try {
      const sealed = (await system.app.get(DataSource).query(`SELECT id_number_sealed AS sealed FROM registry_person UNION ALL SELECT id_number_sealed FROM app_user WHERE id_number_sealed IS NOT NULL`)) as Array<{ sealed: string }>;
      expect(sealed.length).toBeGreaterThan(1);
      expect(new Set(sealed.map((row) => row.sealed.split('.')[1]))).toEqual(new Set([newKeyId()]));
      const cipher = new FieldCipher({ current: (parseKey(rotated.DATA_KEY) as { key: Buffer }).key, previous: [] }, 'id-number');
      const [{ hash }] = await system.app.get(DataSource).query('SELECT id_number_hash AS hash FROM registry_person');
      expect(hash).toEqual(cipher.lookupHash(moved.idNumber));
      const admin = await system.login('admin');
      const changes = await system.http().get('/api/registry/changes').query({ idNumber: moved.idNumber }).set('Authorization', `Bearer ${admin}`).expect(200);
      expect(changes.body.items).toHaveLength(1);
      // A checkpoint signed with HISTORY_SIGNING_KEY, for the next test's process to be measured against.
      await system.http().post('/api/audit/history-checkpoints').set('Authorization', `Bearer ${admin}`).expect(201);
    } finally {
      await system.stopAll();
    }
  });

  /** Why a process with these keys does not start (a process that does start is stopped, and fails the test). */
  async function refusal(env: Record<string, string>): Promise<string> {
    const outcome = await startTestSystem('single-server', { DATABASE_URL: database.url, ...env }).then(
      (system) => system,
      (error: Error) => error,
    );
    if (outcome instanceof Error) return outcome.message;
    await outcome.stopAll();
    throw new Error('the process started');
  }

  it('refuses to start a process without the key the data is sealed with, or the history is keyed with', async () => {
    expect(await refusal({})).toMatch(/sealed under DATA_KEY .*which this process was not given/);
    // A row keyed with HISTORY_KEY, as every process writes them now.
    const historyKeyId = keyIdOf(Buffer.from(TEST_KEYS.HISTORY_KEY, 'hex'));
    await client.query(
      `INSERT INTO case_history (case_id, seq, at, actor, action, data, prev_hash, hash, hash_key_id) VALUES ($1, 3, now(), 'system', 'note', '{}', 'x', 'x', $2)`,
      [caseId, historyKeyId],
    );
    expect(await refusal({ ...rotated, HISTORY_KEY: generateKeyText() })).toMatch(/keyed with HISTORY_KEY/);
    // A HISTORY_KEY lost for good is declared, and the deployment goes on with a new one.
    const goingOn = await startTestSystem('single-server', { DATABASE_URL: database.url, ...rotated, HISTORY_KEY: generateKeyText(), HISTORY_KEY_LOST_IDS: historyKeyId });
    await goingOn.stopAll();
    expect(await refusal({ ...rotated, HISTORY_SIGNING_KEY: generateKeyText() })).toMatch(/latest history checkpoint is signed with key/);
  });
});
