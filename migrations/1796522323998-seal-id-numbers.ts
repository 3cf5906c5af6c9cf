import type { MigrationInterface, QueryRunner } from 'typeorm';
import { keysetPages } from '../src/database/keyset-pages.js';
import { requireMigrationKeys } from './migration-keys.js';

const BATCH = 5_000;
/** The tables that held ID numbers in the clear, and the type of their ids. */
const TABLES = [
  { table: 'registry_person', idType: 'bigint' },
  { table: 'app_user', idType: 'uuid' },
] as const;

/** 220***********1231, as maskResidentId writes it: what change logs and explanations keep of a number. */
const masked = (value: string) => `left(${value}, 3) || repeat('*', greatest(length(${value}) - 7, 0)) || right(${value}, 4)`;

/**
 * ID numbers leave the database in the clear: each is sealed with DATA_KEY (AES-256-GCM) and found by
 * its keyed hash (HMAC-SHA-256), and the plaintext column is dropped — all in this migration's one
 * transaction, so a deployment is never half converted and a failure leaves it as it was. Change logs
 * and grant explanations that quoted a whole number keep it masked.
 */
export class SealIdNumbers1796522323998 implements MigrationInterface {
  name = 'SealIdNumbers1796522323998';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, idType } of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "id_number_sealed" text`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "id_number_hash" bytea`);
      const [{ present }] = await queryRunner.query(`SELECT EXISTS (SELECT 1 FROM ${table} WHERE id_number IS NOT NULL) AS present`);
      if (!present) continue;
      const keys = requireMigrationKeys(queryRunner, `Encrypting the ID numbers of ${table}`);
      const pages = keysetPages<{ id_number: string }>(queryRunner, { table, idType, select: 't.id_number', where: 't.id_number IS NOT NULL' }, BATCH);
      for await (const rows of pages) {
        const sealed = rows.map((row) => keys.sealIdNumber(row.id_number));
        await queryRunner.query(
          `UPDATE ${table} t SET id_number_sealed = u.sealed, id_number_hash = u.hash
             FROM unnest($1::${idType}[], $2::text[], $3::bytea[]) AS u(id, sealed, hash) WHERE t.id = u.id`,
          [rows.map((row) => row.id), sealed.map((s) => s.sealed), sealed.map((s) => s.hash)],
        );
      }
    }
    await queryRunner.query(
      `UPDATE registry_change SET changes = jsonb_set(changes, '{idNumber}', jsonb_build_object('old', ${masked("changes#>>'{idNumber,old}'")}, 'new', ${masked("changes#>>'{idNumber,new}'")}))
        WHERE changes ? 'idNumber'`,
    );
    for (const table of ['benefit_grant', 'benefit_review']) {
      await queryRunner.query(
        `UPDATE ${table} SET facts = jsonb_set(facts, '{person.idNumber}', to_jsonb(${masked("facts->>'person.idNumber'")}))
          WHERE jsonb_typeof(facts->'person.idNumber') = 'string'`,
      );
    }
    await queryRunner.query("DROP INDEX \"public\".\"app_user_id_number_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"registry_person_id_number_key\"");
    await queryRunner.query("ALTER TABLE \"app_user\" DROP COLUMN \"id_number\"");
    await queryRunner.query("ALTER TABLE \"registry_person\" DROP COLUMN \"id_number\"");
    await queryRunner.query("ALTER TABLE \"registry_person\" ALTER COLUMN \"id_number_sealed\" SET NOT NULL");
    await queryRunner.query("ALTER TABLE \"registry_person\" ALTER COLUMN \"id_number_hash\" SET NOT NULL");
    await queryRunner.query("CREATE INDEX \"app_user_id_number_hash_idx\" ON \"app_user\"  (\"id_number_hash\") WHERE id_number_hash IS NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"registry_person_id_number_hash_key\" ON \"registry_person\"  (\"id_number_hash\") ");
  }

  /** Back to plaintext (with the keys); masked change logs and explanations stay masked. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"registry_person_id_number_hash_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"app_user_id_number_hash_idx\"");
    for (const { table, idType } of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "id_number" text`);
      const [{ present }] = await queryRunner.query(`SELECT EXISTS (SELECT 1 FROM ${table} WHERE id_number_sealed IS NOT NULL) AS present`);
      if (present) {
        const keys = requireMigrationKeys(queryRunner, `Decrypting the ID numbers of ${table}`);
        const pages = keysetPages<{ sealed: string }>(queryRunner, { table, idType, select: 't.id_number_sealed AS sealed', where: 't.id_number_sealed IS NOT NULL' }, BATCH);
        for await (const rows of pages) {
          await queryRunner.query(
            `UPDATE ${table} t SET id_number = u.id_number FROM unnest($1::${idType}[], $2::text[]) AS u(id, id_number) WHERE t.id = u.id`,
            [rows.map((row) => row.id), rows.map((row) => keys.openIdNumber(row.sealed))],
          );
        }
      }
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "id_number_hash"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "id_number_sealed"`);
    }
    await queryRunner.query("ALTER TABLE \"registry_person\" ALTER COLUMN \"id_number\" SET NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"registry_person_id_number_key\" ON \"registry_person\" (\"id_number\") ");
    await queryRunner.query("CREATE INDEX \"app_user_id_number_idx\" ON \"app_user\" (\"id_number\") WHERE id_number IS NOT NULL");
  }
}
