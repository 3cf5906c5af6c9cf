import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #19: 代岗 — a clerk's substitute for a window (src/substitutes). */
export class Substitution1796610000000 implements MigrationInterface {
  name = 'Substitution1796610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "substitution" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "absent_id" uuid NOT NULL, "substitute_id" uuid NOT NULL, "department_code" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_35cec3f6b188471602d3dd605fd" PRIMARY KEY ("id"))');
    await queryRunner.query('CREATE UNIQUE INDEX "substitution_absent_key" ON "substitution" ("absent_id") ');
    await queryRunner.query('CREATE INDEX "substitution_substitute_idx" ON "substitution" ("substitute_id", "ends_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."substitution_substitute_idx"');
    await queryRunner.query('DROP INDEX "public"."substitution_absent_key"');
    await queryRunner.query('DROP TABLE "substitution"');
  }
}
