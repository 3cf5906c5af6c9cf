import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StoredFile1795978715432 implements MigrationInterface {
  name = 'StoredFile1795978715432';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"stored_file\" (\"id\" uuid NOT NULL, \"owner_id\" uuid NOT NULL, \"original_name\" text NOT NULL, \"content_type\" text NOT NULL, \"size\" integer NOT NULL, \"sha256\" character(64) NOT NULL, \"storage_key\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"stored_file_size_positive\" CHECK (\"size\" > 0), CONSTRAINT \"PK_e140967af84027b493a3ff04fbb\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"stored_file_owner_idx\" ON \"stored_file\"  (\"owner_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"stored_file_storage_key_idx\" ON \"stored_file\"  (\"storage_key\") ");
    await queryRunner.query("ALTER TABLE \"outbox_message\" ADD \"delay_ms\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"stored_file\" ADD CONSTRAINT \"FK_5af8a2510e38e359eeb9cf1922f\" FOREIGN KEY (\"owner_id\") REFERENCES \"app_user\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"stored_file\" DROP CONSTRAINT \"FK_5af8a2510e38e359eeb9cf1922f\"");
    await queryRunner.query("ALTER TABLE \"outbox_message\" DROP COLUMN \"delay_ms\"");
    await queryRunner.query("DROP INDEX \"public\".\"stored_file_storage_key_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"stored_file_owner_idx\"");
    await queryRunner.query("DROP TABLE \"stored_file\"");
  }
}
