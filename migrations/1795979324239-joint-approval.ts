import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JointApproval1795979324239 implements MigrationInterface {
  name = 'JointApproval1795979324239';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"case_task\" ADD \"decision\" jsonb");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"case_task\" DROP COLUMN \"decision\"");
  }
}
