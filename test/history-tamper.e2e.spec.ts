import { randomUUID } from 'node:crypto';
import { signingKeyFromSeed, verifyText } from '@app/field-crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointText } from '../src/cases/checkpoint-statement.js';
import { unkeyedEntryHash, type ChainEntry } from '../src/cases/history-chain.js';
import { exampleForm, requiredMaterials, serviceItem } from './support/applicant.js';
import { startTestSystem, TEST_KEYS, type TestSystem } from './support/system.js';

/**
 * Tamper evidence against someone who can write the database but holds none of the keys (a database
 * administrator, a stolen backup restored and edited): rows rewritten with every hash recomputed, the
 * newest rows cut off with the case row fixed up, checkpoints edited.
 */
let system: TestSystem;
let citizen: string;
let supervisor: string;
let db: DataSource;

beforeAll(async () => {
  system = await startTestSystem('single-server');
  [citizen, supervisor] = await Promise.all(['citizen1', 'supervisor'].map((u) => system.login(u)));
  db = system.app.get(DataSource);
});

afterAll(async () => {
  await system?.stopAll();
});

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A case with two history rows: submitted, then withdrawn. */
async function caseWithHistory(): Promise<string> {
  const item = await serviceItem(system, '2201-SC-0001');
  const materials = await requiredMaterials(system, citizen, item, ['foodSafetySystem']);
  const created = await system.http().post('/api/cases').set(auth(citizen)).set('Idempotency-Key', randomUUID()).send({ serviceItemCode: item.code, form: exampleForm(item, { floorArea: 350.0 }), materials }).expect(201);
  await system.http().post(`/api/cases/${created.body.id}/withdraw`).set(auth(citizen)).expect(200);
  return created.body.id as string;
}

const verifyCase = async (id: string) => (await system.http().get(`/api/cases/${id}/history/verify`).set(auth(supervisor)).expect(200)).body;
const verifyAll = async () => (await system.http().get('/api/audit/history-checkpoints/verify').set(auth(supervisor)).expect(200)).body;
const checkpoint = async () => (await system.http().post('/api/audit/history-checkpoints').set(auth(supervisor)).expect(201)).body;
const brokenOf = (audit: { brokenCases: Array<{ caseId: string }> }, id: string) => audit.brokenCases.find((c) => c.caseId === id);

interface Row {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
  data: Record<string, unknown>;
}

/**
 * What anyone with write access can do: change row `seq`, recompute its hash and every later one with
 * the only hash function they have (SHA-256, no key), link them, and point the case row at the new head.
 * `marker` is the key id the rows claim (the real one, or none as rows before keys had).
 */
async function rewriteWithoutKey(caseId: string, seq: number, comment: string, marker: 'keep' | 'none'): Promise<void> {
  const rows: Row[] = await db.query('SELECT seq, at, actor_id, actor, action, from_status, to_status, comment, data FROM case_history WHERE case_id = $1 ORDER BY seq', [caseId]);
  let [{ prev }] = await db.query('SELECT coalesce((SELECT hash FROM case_history WHERE case_id = $1 AND seq = $2), $3) AS prev', [caseId, seq - 1, '0'.repeat(64)]);
  for (const row of rows.filter((r) => r.seq >= seq)) {
    const entry: ChainEntry = { caseId, seq: row.seq, at: row.at.toISOString(), actorId: row.actor_id, actor: row.actor, action: row.action, fromStatus: row.from_status, toStatus: row.to_status, comment: row.seq === seq ? comment : row.comment, data: row.data };
    const hash = unkeyedEntryHash(prev, entry);
    await db.query(
      `UPDATE case_history SET comment = $3, prev_hash = $4, hash = $5, hash_key_id = CASE WHEN $6 THEN hash_key_id END WHERE case_id = $1 AND seq = $2`,
      [caseId, row.seq, entry.comment, prev, hash, marker === 'keep'],
    );
    prev = hash;
  }
  await db.query('UPDATE case_record SET history_head = $2 WHERE id = $1', [caseId, prev]);
}

describe('case history against a database administrator', () => {
  it('finds a row rewritten with every hash recomputed without HISTORY_KEY, per case and over all cases', async () => {
    const [relabelled, downgraded, untouched] = [await caseWithHistory(), await caseWithHistory(), await caseWithHistory()];
    expect(await verifyCase(relabelled)).toEqual({ valid: true });

    await rewriteWithoutKey(relabelled, 1, '代为提交', 'keep');
    await rewriteWithoutKey(downgraded, 1, '代为提交', 'none');
    expect(await verifyCase(relabelled)).toEqual({ valid: false, brokenAt: 1, reason: 'row_changed' });
    expect(await verifyCase(downgraded)).toEqual({ valid: false, brokenAt: 1, reason: 'unsealed_unkeyed_row' });

    const audit = await verifyAll();
    expect(audit.valid).toBe(false);
    expect(audit.checkedCases).toBeGreaterThanOrEqual(3);
    expect(brokenOf(audit, relabelled)).toEqual({ caseId: relabelled, brokenAt: 1, reason: 'row_changed' });
    expect(brokenOf(audit, downgraded)).toEqual({ caseId: downgraded, brokenAt: 1, reason: 'unsealed_unkeyed_row' });
    expect(brokenOf(audit, untouched)).toBeUndefined();
  });

  it('finds the last row deleted (and the case row fixed up to match) by the signed checkpoint, and never signs over it', async () => {
    const id = await caseWithHistory();
    const taken = await checkpoint();
    expect(taken.heads).toBeGreaterThanOrEqual(1);
    let audit = await verifyAll();
    expect(brokenOf(audit, id)).toBeUndefined();
    expect(audit.checkpoint).toMatchObject({ signatureValid: true });
    expect(audit.checkpoint.number).toBeGreaterThanOrEqual(taken.number);

    await db.query('DELETE FROM case_history WHERE case_id = $1 AND seq = 2', [id]);
    await db.query('UPDATE case_record SET history_seq = 1, history_head = (SELECT hash FROM case_history WHERE case_id = $1 AND seq = 1) WHERE id = $1', [id]);
    // The chain left is whole and ends where the case row says: only the checkpoint remembers row 2.
    expect(await verifyCase(id)).toEqual({ valid: false, brokenAt: 2, reason: 'rows_missing' });
    audit = await verifyAll();
    expect(brokenOf(audit, id)).toEqual({ caseId: id, brokenAt: 2, reason: 'rows_missing' });

    const next = await checkpoint();
    expect(next.refused).toBeGreaterThanOrEqual(1);
    expect(brokenOf(await verifyAll(), id)).toEqual({ caseId: id, brokenAt: 2, reason: 'rows_missing' });
  });

  it('finds a deleted case that a checkpoint signed', async () => {
    const id = await caseWithHistory();
    await checkpoint();
    await db.query('DELETE FROM case_task WHERE case_id = $1', [id]);
    await db.query('DELETE FROM case_material_file WHERE case_id = $1', [id]);
    await db.query('DELETE FROM case_history WHERE case_id = $1', [id]);
    await db.query('DELETE FROM case_record WHERE id = $1', [id]);
    expect(brokenOf(await verifyAll(), id)).toEqual({ caseId: id, brokenAt: 1, reason: 'case_missing' });
  });

  it('finds a signed head edited in the checkpoint table', async () => {
    const id = await caseWithHistory();
    const { number } = await checkpoint();
    const [{ hash }] = await db.query('SELECT hash FROM history_checkpoint_head WHERE checkpoint_number = $1 AND case_id = $2', [number, id]);
    await db.query('UPDATE history_checkpoint_head SET hash = $3 WHERE checkpoint_number = $1 AND case_id = $2', [number, id, 'f'.repeat(64)]);
    try {
      const audit = await verifyAll();
      expect(audit.valid).toBe(false);
      expect(audit.checkpoint).toMatchObject({ signatureValid: false, firstInvalid: number });
    } finally {
      // The run's other files share this database: put the signed head back.
      await db.query('UPDATE history_checkpoint_head SET hash = $3 WHERE checkpoint_number = $1 AND case_id = $2', [number, id, hash]);
    }
    expect((await verifyAll()).checkpoint).toMatchObject({ signatureValid: true });
  });

  it('lets an auditor check a checkpoint with the public key alone', async () => {
    await caseWithHistory();
    const { number } = await checkpoint();
    const audit = await verifyAll();
    const publicKey = signingKeyFromSeed(Buffer.from(TEST_KEYS.HISTORY_SIGNING_KEY, 'hex')).publicKey;
    expect(audit.checkpoint.publicKey).toBe(publicKey.toString('base64'));
    const [row] = await db.query('SELECT number, at, heads, digest, previous_signature, signature FROM history_checkpoint WHERE number = $1', [number]);
    const text = checkpointText({ number: row.number, at: row.at, previousSignature: row.previous_signature, heads: row.heads, digest: row.digest });
    expect(verifyText(Buffer.from(audit.checkpoint.publicKey, 'base64'), text, row.signature)).toBe(true);
    expect(verifyText(publicKey, text.replace(`heads ${row.heads}`, `heads ${row.heads + 1}`), row.signature)).toBe(false);
  });

  it('is for supervisors and admins only', async () => {
    await system.http().get('/api/audit/history-checkpoints/verify').set(auth(citizen)).expect(403);
    await system.http().post('/api/audit/history-checkpoints').set(auth(citizen)).expect(403);
    await system.http().get('/api/audit/history-checkpoints/verify').expect(401);
  });
});
