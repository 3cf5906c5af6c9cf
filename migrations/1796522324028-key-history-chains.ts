import type { MigrationInterface, QueryRunner } from 'typeorm';
import { keysetPages } from '../src/database/keyset-pages.js';
import { requireMigrationKeys } from './migration-keys.js';

const BATCH = 5_000;

/**
 * Case history becomes keyed: new rows carry an HMAC under HISTORY_KEY (the id of that key is the row's
 * version marker; rows written before have none). Each case's history so far is sealed here, once, under
 * HISTORY_KEY: its unkeyed rows stay verifiable up to the sealed head, and nobody can add unkeyed rows
 * later. Signed checkpoints of the chain heads get their tables.
 */
export class KeyHistoryChains1796522324028 implements MigrationInterface {
  name = 'KeyHistoryChains1796522324028';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"case_history\" ADD \"hash_key_id\" text");
    await queryRunner.query("CREATE TABLE \"case_history_seal\" (\"case_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"head\" text NOT NULL, \"key_id\" text NOT NULL, \"mac\" text NOT NULL, CONSTRAINT \"PK_5ef3b90277b32d9d6a7f25d3a77\" PRIMARY KEY (\"case_id\"))");
    await queryRunner.query("CREATE TABLE \"history_checkpoint\" (\"number\" integer NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"heads\" integer NOT NULL, \"digest\" text NOT NULL, \"previous_signature\" text, \"key_id\" text NOT NULL, \"signature\" text NOT NULL, CONSTRAINT \"PK_7f9b643e9f563266aeccf91936d\" PRIMARY KEY (\"number\"))");
    await queryRunner.query("CREATE TABLE \"history_checkpoint_head\" (\"checkpoint_number\" integer NOT NULL, \"case_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"hash\" text NOT NULL, CONSTRAINT \"PK_7048e091670f414fe058af6ff8c\" PRIMARY KEY (\"checkpoint_number\", \"case_id\"))");
    await queryRunner.query("CREATE INDEX \"history_checkpoint_head_case_idx\" ON \"history_checkpoint_head\"  (\"case_id\", \"seq\") ");

    const [{ present }] = await queryRunner.query('SELECT EXISTS (SELECT 1 FROM case_record WHERE history_seq > 0) AS present');
    if (!present) return;
    const keys = requireMigrationKeys(queryRunner, 'Sealing the case histories written so far');
    const pages = keysetPages<{ seq: number; head: string }>(
      queryRunner,
      { table: 'case_record', idType: 'uuid', select: 't.history_seq AS seq, t.history_head AS head', where: 't.history_seq > 0' },
      BATCH,
    );
    for await (const cases of pages) {
      const seals = cases.map((c) => keys.sealHistoryHead(c.id, c.seq, c.head));
      await queryRunner.query(
        `INSERT INTO case_history_seal (case_id, seq, head, key_id, mac)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[])`,
        [cases.map((c) => c.id), cases.map((c) => c.seq), cases.map((c) => c.head), seals.map((s) => s.keyId), seals.map((s) => s.mac)],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"history_checkpoint_head_case_idx\"");
    await queryRunner.query("DROP TABLE \"history_checkpoint_head\"");
    await queryRunner.query("DROP TABLE \"history_checkpoint\"");
    await queryRunner.query("DROP TABLE \"case_history_seal\"");
    await queryRunner.query("ALTER TABLE \"case_history\" DROP COLUMN \"hash_key_id\"");
  }
}
