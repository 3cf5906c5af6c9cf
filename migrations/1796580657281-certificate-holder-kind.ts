import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a licence's holder is a person or an enterprise: an enterprise's name is public and is shown
 * whole on the verify page, a person's is masked. Licences issued before are backfilled from their case's
 * applicant snapshot (an enterprise account, or a person acting for one, applied as the enterprise).
 */
export class CertificateHolderKind1796580657281 implements MigrationInterface {
  name = 'CertificateHolderKind1796580657281';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "certificate" ADD "holder_kind" text NOT NULL DEFAULT 'person'`);
    await queryRunner.query(
      `UPDATE "certificate" c SET "holder_kind" = 'enterprise' FROM "case_record" r WHERE r.id = c.case_id AND (r.applicant->>'isEnterprise')::boolean IS TRUE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "certificate" DROP COLUMN "holder_kind"`);
  }
}
