import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonalDataAccessLogAndCaseMaterialFiles1796523232594 implements MigrationInterface {
  name = 'PersonalDataAccessLogAndCaseMaterialFiles1796523232594';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"personal_data_access\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"accessed_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"user_id\" uuid NOT NULL, \"username\" text NOT NULL, \"subject_kind\" text NOT NULL, \"subject_id\" text NOT NULL, \"purpose\" text NOT NULL, \"request_id\" text, \"revealed\" boolean NOT NULL DEFAULT false, \"stated_purpose\" text, CONSTRAINT \"PK_18b5cfcd7267c4fe5349bcd93b3\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"personal_data_access_subject_idx\" ON \"personal_data_access\"  (\"subject_kind\", \"subject_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"personal_data_access_user_idx\" ON \"personal_data_access\"  (\"user_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"personal_data_access_accessed_idx\" ON \"personal_data_access\"  (\"accessed_at\") ");
    await queryRunner.query("CREATE TABLE \"case_material_file\" (\"file_id\" uuid NOT NULL, \"case_id\" uuid NOT NULL, CONSTRAINT \"PK_402ca6f971046ffa8d946b82223\" PRIMARY KEY (\"file_id\", \"case_id\"))");
    await queryRunner.query("ALTER TABLE \"case_material_file\" ADD CONSTRAINT \"FK_d5c6cb6403d5b27eee8175d28bd\" FOREIGN KEY (\"file_id\") REFERENCES \"stored_file\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"case_material_file\" ADD CONSTRAINT \"FK_ac172ff6e3143d85243601135ad\" FOREIGN KEY (\"case_id\") REFERENCES \"case_record\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    // The materials cases hold now. A file a correction answer replaced before this migration is no longer
    // named anywhere, so it stays its uploader's alone.
    await queryRunner.query(
      `INSERT INTO case_material_file (file_id, case_id)
       SELECT DISTINCT f.id, c.id
         FROM case_record c
         CROSS JOIN jsonb_array_elements(c.materials) m
         JOIN stored_file f ON f.id::text = lower(m->>'fileId')
       ON CONFLICT DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"case_material_file\" DROP CONSTRAINT \"FK_ac172ff6e3143d85243601135ad\"");
    await queryRunner.query("ALTER TABLE \"case_material_file\" DROP CONSTRAINT \"FK_d5c6cb6403d5b27eee8175d28bd\"");
    await queryRunner.query("DROP TABLE \"case_material_file\"");
    await queryRunner.query("DROP INDEX \"public\".\"personal_data_access_accessed_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"personal_data_access_user_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"personal_data_access_subject_idx\"");
    await queryRunner.query("DROP TABLE \"personal_data_access\"");
  }
}
