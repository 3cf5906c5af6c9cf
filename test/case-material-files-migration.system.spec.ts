import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersonalDataAccessLogAndCaseMaterialFiles1796523232594 as Migration } from '../migrations/1796523232594-personal-data-access-log-and-case-material-files.js';
import { createDataSource } from '../src/schema.js';
import { privateDatabase, type PrivateDatabase } from './support/private-database.js';

/** Cases stored before the migration keep their files readable to their staff: it lists the materials they hold. */
let database: PrivateDatabase;

beforeAll(async () => {
  database = await privateDatabase('material_files');
});

afterAll(async () => {
  await database?.drop();
});

describe('migration PersonalDataAccessLogAndCaseMaterialFiles', () => {
  it("lists the files existing cases hold as materials, and nothing that is not a stored file", async () => {
    const dataSource = createDataSource(database.url, { poolSize: 2 });
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    try {
      // Back to the schema before it, with the data it found there.
      await new Migration().down(runner);
      const [{ id: owner }] = await runner.query(
        `INSERT INTO app_user (username, password_hash, roles, display_name, version) VALUES ($1, 'x', '{citizen}', '申请人', 1) RETURNING id`,
        [`migration-${randomUUID().slice(0, 8)}`],
      );
      const [licence, plan] = [randomUUID(), randomUUID()];
      for (const file of [licence, plan]) {
        await runner.query(
          `INSERT INTO stored_file (id, owner_id, original_name, content_type, size, sha256, storage_key) VALUES ($1, $2, 'a.pdf', 'application/pdf', 1, repeat('0', 64), $3)`,
          [file, owner, file],
        );
      }
      const insertCase = async (materials: unknown[]) => {
        const id = randomUUID();
        await runner.query(
          `INSERT INTO case_record (id, case_no, applicant_id, status, form, materials, material_list, applicant, submitted_at, last_event_at, history_head, version)
           VALUES ($1, $2, $3, 'submitted', '{}', $4, '[]', '{}', now(), now(), '', 1)`,
          [id, id, owner, JSON.stringify(materials)],
        );
        return id;
      };
      const parent = await insertCase([{ key: 'licence', fileId: licence }, { key: 'plan', fileId: plan.toUpperCase() }]);
      const child = await insertCase([{ key: 'licence', fileId: licence }, { key: 'ghost', fileId: randomUUID() }, { key: 'odd', fileId: 'not-a-uuid' }]);
      await insertCase([]);

      await new Migration().up(runner);
      const rows = await runner.query(`SELECT file_id AS "fileId", case_id AS "caseId" FROM case_material_file`);
      expect(rows).toHaveLength(3);
      expect(rows).toEqual(expect.arrayContaining([{ fileId: licence, caseId: parent }, { fileId: plan, caseId: parent }, { fileId: licence, caseId: child }]));
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
  });
});
