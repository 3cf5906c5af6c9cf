import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { signText, verifyText } from '@app/field-crypto';
import { keysetPages } from '../database/keyset-pages.js';
import { notFound } from '../http/problem.js';
import { HistoryKeys } from '../keys/history-keys.js';
import { ClockService } from '../time/clock.service.js';
import { checkpointText, HeadsDigest, type SignedHead } from './checkpoint-statement.js';
import type { BrokenCaseView, ChainVerificationView, CheckpointStatusView, CheckpointTakenView, HistoryAuditView } from './history-audit.dto.js';
import { verifyChain, type ChainCheck, type LegacySeal, type StoredEntry } from './history-chain.js';

/** Cases verified per round trip; heads hashed per page when signatures are checked. */
const CASE_PAGE = 1_000;
const HEAD_PAGE = 20_000;
/** The answer lists this many broken cases and counts the rest. */
const LISTED_BROKEN = 1_000;
const CHECKPOINT_LOCK = 'ywtb.history-checkpoint';
const LOCK_RETRY_MS = 200;
const LOCK_PATIENCE_MS = 60_000;

interface HistoryRow {
  case_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  actor: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
  hash_key_id: string | null;
}

interface CheckpointRow {
  number: number;
  at: Date;
  heads: number;
  digest: string;
  previous_signature: string | null;
  key_id: string;
  signature: string;
}

/** Everything that says what a case's history must be: its rows, its head, its seal and its latest signed head. */
interface Evidence {
  head: string;
  rows: StoredEntry[];
  seal: LegacySeal | null;
  signed: { seq: number; hash: string } | null;
}

const stored = (row: HistoryRow): StoredEntry => ({
  caseId: row.case_id,
  seq: row.seq,
  at: row.at.toISOString(),
  actorId: row.actor_id,
  actor: row.actor,
  action: row.action,
  fromStatus: row.from_status,
  toStatus: row.to_status,
  comment: row.comment,
  data: row.data,
  prevHash: row.prev_hash,
  hash: row.hash,
  hashKeyId: row.hash_key_id,
});

const groupBy = <T extends { case_id: string }>(rows: T[]) => {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.case_id, [...(groups.get(row.case_id) ?? []), row]);
  return groups;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Tamper evidence that survives a database administrator. History rows are HMACs under HISTORY_KEY (a
 * rewritten row cannot be re-hashed without it), and checkpoints sign every case's head with
 * HISTORY_SIGNING_KEY (rows cut off the end, or a case rolled back or deleted whole, no longer reach
 * the signed head). Neither key is in the database.
 */
@Injectable()
export class HistoryAuditService {
  private readonly logger = new Logger(HistoryAuditService.name);

  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly keys: HistoryKeys,
    private readonly clock: ClockService,
  ) {}

  private get db() {
    return this.txHost.tx;
  }

  /** One case: its chain, its seal, the head its row names and the latest head a checkpoint signed (one snapshot). */
  verifyCase(caseId: string): Promise<ChainVerificationView> {
    return this.txHost.withTransaction({ isolationLevel: 'REPEATABLE READ' }, async () => {
      const evidence = (await this.evidenceOf([caseId])).get(caseId);
      if (!evidence) throw notFound('case.not_found', 'No such case.');
      return this.check(caseId, evidence);
    });
  }

  private check(caseId: string, evidence: Evidence): ChainCheck {
    return verifyChain(caseId, evidence.rows, { keys: this.keys.chain, head: evidence.head, seal: evidence.seal, checkpoint: evidence.signed });
  }

  /** Four reads for a page of cases, whatever its size. */
  private async evidenceOf(caseIds: string[]): Promise<Map<string, Evidence>> {
    const ids = [caseIds];
    const cases = await this.db.query<Array<{ id: string; head: string }>>('SELECT id, history_head AS head FROM case_record WHERE id = ANY($1::uuid[])', ids);
    const rows = groupBy(
      await this.db.query<HistoryRow[]>(
        `SELECT case_id, seq, at, actor_id, actor, action, from_status, to_status, comment, data, prev_hash, hash, hash_key_id
           FROM case_history WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, seq`,
        ids,
      ),
    );
    const seals = groupBy(
      await this.db.query<Array<LegacySeal & { case_id: string }>>('SELECT case_id, seq, head, key_id AS "keyId", mac FROM case_history_seal WHERE case_id = ANY($1::uuid[])', ids),
    );
    const signed = groupBy(
      await this.db.query<Array<{ case_id: string; seq: number; hash: string }>>(
        'SELECT DISTINCT ON (case_id) case_id, seq, hash FROM history_checkpoint_head WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, seq DESC',
        ids,
      ),
    );
    return new Map(
      cases.map((c) => {
        const seal = seals.get(c.id)?.[0];
        const head = signed.get(c.id)?.[0];
        return [
          c.id,
          {
            head: c.head,
            rows: (rows.get(c.id) ?? []).map(stored),
            seal: seal ? { seq: seal.seq, head: seal.head, keyId: seal.keyId, mac: seal.mac } : null,
            signed: head ? { seq: head.seq, hash: head.hash } : null,
          },
        ];
      }),
    );
  }

  /** The cases `where` selects (over `case_record t`), a page at a time, in id order. */
  private casePages(where: string) {
    return keysetPages<{ seq: number; head: string }>(this.db, { table: 'case_record', idType: 'uuid', select: 't.history_seq AS seq, t.history_head AS head', where }, CASE_PAGE);
  }

  /**
   * Every case and every checkpoint, in one consistent snapshot: a case changing meanwhile is seen
   * wholly before or wholly after the change.
   */
  verifyAll(): Promise<HistoryAuditView> {
    return this.txHost.withTransaction({ isolationLevel: 'REPEATABLE READ' }, async () => {
      const broken: BrokenCaseView[] = [];
      let brokenCount = 0;
      const report = (found: BrokenCaseView) => {
        brokenCount += 1;
        if (broken.length < LISTED_BROKEN) broken.push(found);
      };
      let checkedCases = 0;
      let signedCases = 0;
      for await (const page of this.casePages('TRUE')) {
        const evidence = await this.evidenceOf(page.map((c) => c.id));
        for (const { id } of page) {
          const found = evidence.get(id)!;
          checkedCases += 1;
          if (found.signed) signedCases += 1;
          const check = this.check(id, found);
          if (!check.valid) report({ caseId: id, brokenAt: check.brokenAt, reason: check.reason });
        }
      }
      const missing = await this.db.query<Array<{ case_id: string }>>(
        'SELECT DISTINCT h.case_id FROM history_checkpoint_head h WHERE NOT EXISTS (SELECT 1 FROM case_record c WHERE c.id = h.case_id) ORDER BY h.case_id',
      );
      for (const { case_id } of missing) report({ caseId: case_id, brokenAt: 1, reason: 'case_missing' });
      const checkpoint = await this.checkSignatures(signedCases + missing.length);
      return { valid: brokenCount === 0 && checkpoint?.signatureValid !== false, checkedCases, brokenCount, brokenCases: broken, checkpoint };
    });
  }

  /**
   * The checkpoints as one chain: numbered 1, 2, 3, … without gaps, each naming its predecessor's
   * signature, each signed by a known key over the digest of exactly the heads stored with it.
   */
  private async checkSignatures(heads: number): Promise<CheckpointStatusView | null> {
    const checkpoints = await this.db.query<CheckpointRow[]>(
      'SELECT number, at, heads, digest, previous_signature, key_id, signature FROM history_checkpoint ORDER BY number',
    );
    const latest = checkpoints.at(-1);
    if (!latest) return null;
    const digests = new Map(checkpoints.map((checkpoint) => [checkpoint.number, new HeadsDigest()]));
    // Heads whose checkpoint is gone: the first checkpoint after it (or the latest) no longer holds.
    let orphaned: number | null = null;
    for await (const page of this.headPages()) {
      for (const head of page) {
        const digest = digests.get(head.checkpoint);
        if (digest) digest.add([head]);
        else orphaned ??= head.checkpoint;
      }
    }
    let firstInvalid: number | undefined = orphaned === null ? undefined : (checkpoints.find((c) => c.number > orphaned!) ?? latest).number;
    let previous: CheckpointRow | null = null;
    for (const checkpoint of checkpoints) {
      const digest = digests.get(checkpoint.number)!;
      const publicKey = this.keys.verifyKeys.get(checkpoint.key_id);
      const statement = { number: checkpoint.number, at: checkpoint.at, previousSignature: checkpoint.previous_signature, heads: checkpoint.heads, digest: checkpoint.digest };
      const sound =
        checkpoint.number === (previous?.number ?? 0) + 1 &&
        checkpoint.previous_signature === (previous?.signature ?? null) &&
        digest.count === checkpoint.heads &&
        digest.digest() === checkpoint.digest &&
        publicKey !== undefined &&
        verifyText(publicKey, checkpointText(statement), checkpoint.signature);
      if (!sound && (firstInvalid === undefined || checkpoint.number < firstInvalid)) firstInvalid = checkpoint.number;
      previous = checkpoint;
    }
    return {
      number: latest.number,
      at: latest.at,
      heads,
      signatureValid: firstInvalid === undefined,
      ...(firstInvalid === undefined ? {} : { firstInvalid }),
      keyId: latest.key_id,
      publicKey: (this.keys.verifyKeys.get(latest.key_id) ?? Buffer.alloc(0)).toString('base64'),
    };
  }

  /** Every signed head in checkpoint and case order, a page at a time. */
  private async *headPages(): AsyncGenerator<Array<SignedHead & { checkpoint: number }>> {
    let after: [number, string] | null = null;
    for (;;) {
      const page: Array<SignedHead & { checkpoint: number }> = await this.db.query(
        `SELECT checkpoint_number AS checkpoint, case_id AS "caseId", seq, hash FROM history_checkpoint_head
          WHERE $1::int IS NULL OR (checkpoint_number, case_id) > ($1::int, $2::uuid)
          ORDER BY checkpoint_number, case_id LIMIT ${HEAD_PAGE}`,
        after ?? [null, null],
      );
      if (page.length === 0) return;
      yield page;
      const last = page[page.length - 1];
      after = [last.checkpoint, last.caseId];
    }
  }

  /** The scheduled checkpoint: skipped when another process is taking one right now. */
  async onSchedule(): Promise<CheckpointTakenView | 'skipped'> {
    return (await this.tryCheckpoint()) ?? 'skipped';
  }

  /** A checkpoint now, waiting for one another process is taking. */
  async checkpoint(): Promise<CheckpointTakenView> {
    const deadline = performance.now() + LOCK_PATIENCE_MS;
    for (;;) {
      const taken = await this.tryCheckpoint();
      if (taken || performance.now() > deadline) {
        if (!taken) throw new Error('another history checkpoint kept the lock for a minute');
        return taken;
      }
      await sleep(LOCK_RETRY_MS);
    }
  }

  /**
   * Signs the head of every case whose head is not signed yet, if its history verifies (a case that
   * does not is logged, and keeps its last signed head). One snapshot, one transaction; null when
   * another process holds the checkpoint lock.
   */
  private tryCheckpoint(): Promise<CheckpointTakenView | null> {
    return this.txHost.withTransaction({ isolationLevel: 'REPEATABLE READ' }, async () => {
      const [{ locked }] = await this.db.query<Array<{ locked: boolean }>>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [CHECKPOINT_LOCK]);
      if (!locked) return null;
      const [previous] = await this.db.query<Array<{ number: number; signature: string }>>('SELECT number, signature FROM history_checkpoint ORDER BY number DESC LIMIT 1');
      const heads: SignedHead[] = [];
      const refused: string[] = [];
      const unsigned = `t.history_seq > 0 AND NOT EXISTS (SELECT 1 FROM history_checkpoint_head h WHERE h.case_id = t.id AND h.seq = t.history_seq AND h.hash = t.history_head)`;
      for await (const page of this.casePages(unsigned)) {
        const evidence = await this.evidenceOf(page.map((c) => c.id));
        for (const c of page) {
          if (this.check(c.id, evidence.get(c.id)!).valid) heads.push({ caseId: c.id, seq: c.seq, hash: c.head });
          else refused.push(c.id);
        }
      }
      const number = (previous?.number ?? 0) + 1;
      const at = this.clock.now();
      const digest = new HeadsDigest().add(heads).digest();
      const statement = { number, at, previousSignature: previous?.signature ?? null, heads: heads.length, digest };
      const signature = signText(this.keys.signing, checkpointText(statement));
      await this.db.query(
        'INSERT INTO history_checkpoint (number, at, heads, digest, previous_signature, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [number, at, heads.length, digest, statement.previousSignature, this.keys.signing.id, signature],
      );
      for (let i = 0; i < heads.length; i += HEAD_PAGE) {
        const slice = heads.slice(i, i + HEAD_PAGE);
        await this.db.query(
          'INSERT INTO history_checkpoint_head (checkpoint_number, case_id, seq, hash) SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::text[])',
          [number, slice.map((h) => h.caseId), slice.map((h) => h.seq), slice.map((h) => h.hash)],
        );
      }
      if (refused.length > 0) {
        this.logger.error(`history checkpoint ${number}: ${refused.length} case histories do not verify and were not signed again, e.g. ${refused.slice(0, 10).join(', ')}`);
      }
      // The log is a witness outside the database: a checkpoint rolled back later still shows there.
      this.logger.log(`history checkpoint ${number} at ${at.toISOString()}: ${heads.length} heads, digest ${digest}, key ${this.keys.signing.id}, signature ${signature}`);
      return { number, at, heads: heads.length, refused: refused.length };
    });
  }
}
