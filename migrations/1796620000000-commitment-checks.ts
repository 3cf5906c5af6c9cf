import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CommitmentChecks1796620000000 implements MigrationInterface {
  name = 'CommitmentChecks1796620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"commitment_check\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"case_id\" uuid NOT NULL, \"case_no\" text NOT NULL, \"service_item_code\" text NOT NULL, \"department_code\" text NOT NULL, \"status\" text NOT NULL, \"due_date\" date NOT NULL, \"due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"opened_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"decided_by\" uuid, \"decided_by_name\" text, \"note\" text, \"revoked_certificates\" text array NOT NULL DEFAULT '{}', CONSTRAINT \"PK_029b81a2939b4d0a8348ffe220e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"commitment_check_open_due_idx\" ON \"commitment_check\"  (\"due_at\") WHERE status = 'open'");
    await queryRunner.query("CREATE INDEX \"commitment_check_queue_idx\" ON \"commitment_check\"  (\"department_code\", \"status\", \"due_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"commitment_check_case_key\" ON \"commitment_check\"  (\"case_id\") ");
    await queryRunner.query("ALTER TABLE \"service_item\" ADD \"commitment_check_days\" integer");
    // The seeded 公众聚集场所 fire inspection is approved on commitment (告知承诺): checked within 20 working days.
    await queryRunner.query("UPDATE service_item SET commitment_check_days = 20 WHERE code = '2201-XF-0001'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"service_item\" DROP COLUMN \"commitment_check_days\"");
    await queryRunner.query("DROP INDEX \"public\".\"commitment_check_case_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"commitment_check_queue_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"commitment_check_open_due_idx\"");
    await queryRunner.query("DROP TABLE \"commitment_check\"");
  }
}
