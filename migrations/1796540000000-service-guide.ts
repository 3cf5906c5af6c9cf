import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The 实施清单 fields of service items (null on rows written before them; the seed fills its own) and a bundle's field mapping. */
export class ServiceGuide1796540000000 implements MigrationInterface {
  name = 'ServiceGuide1796540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "service_item" ADD "item_type" text');
    await queryRunner.query('ALTER TABLE "service_item" ADD "subject_types" text array');
    await queryRunner.query('ALTER TABLE "service_item" ADD "legal_basis" jsonb');
    await queryRunner.query('ALTER TABLE "service_item" ADD "fee" jsonb');
    await queryRunner.query('ALTER TABLE "service_item" ADD "location" text');
    await queryRunner.query('ALTER TABLE "service_item" ADD "office_hours" text');
    await queryRunner.query('ALTER TABLE "service_item" ADD "consult_phone" text');
    await queryRunner.query('ALTER TABLE "service_item" ADD "complaint_phone" text');
    await queryRunner.query('ALTER TABLE "service_item" ADD "online_depth" text');
    await queryRunner.query('ALTER TABLE "bundle" ADD "field_mapping" jsonb NOT NULL DEFAULT \'{}\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "bundle" DROP COLUMN "field_mapping"');
    for (const column of ['online_depth', 'complaint_phone', 'consult_phone', 'office_hours', 'location', 'fee', 'legal_basis', 'subject_types', 'item_type']) {
      await queryRunner.query(`ALTER TABLE "service_item" DROP COLUMN "${column}"`);
    }
  }
}
