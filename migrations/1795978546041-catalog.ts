import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalog1795978546041 implements MigrationInterface {
  name = 'Catalog1795978546041';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"bundle\" (\"code\" text NOT NULL, \"name\" text NOT NULL, \"service_item_codes\" text array NOT NULL, \"failure_policy\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, CONSTRAINT \"PK_9992b3db863cfc95289d405bb63\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE TABLE \"service_item\" (\"code\" text NOT NULL, \"name\" text NOT NULL, \"department_code\" text NOT NULL, \"statutory_days\" integer NOT NULL, \"promised_days\" integer NOT NULL, \"materials\" jsonb NOT NULL, \"form_schema\" jsonb NOT NULL, \"workflow_key\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, CONSTRAINT \"PK_e9fb2789d0b4b3de0ca26323892\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE INDEX \"service_item_department_idx\" ON \"service_item\"  (\"department_code\") ");
    await queryRunner.query("CREATE TABLE \"workflow_version\" (\"key\" text NOT NULL, \"version\" integer NOT NULL, \"name\" text NOT NULL, \"status\" text NOT NULL, \"document\" jsonb NOT NULL, \"service_item_code\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"created_by\" uuid, \"published_at\" TIMESTAMP WITH TIME ZONE, \"published_by\" uuid, \"superseded_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_5bf34bdc6635bd479b35d473351\" PRIMARY KEY (\"key\", \"version\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"workflow_version_one_published_idx\" ON \"workflow_version\"  (\"key\") WHERE status = 'published'");
    await queryRunner.query("ALTER TABLE \"service_item\" ADD CONSTRAINT \"FK_9f8076d146342c22c8ef6a90652\" FOREIGN KEY (\"department_code\") REFERENCES \"department\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"service_item\" DROP CONSTRAINT \"FK_9f8076d146342c22c8ef6a90652\"");
    await queryRunner.query("DROP INDEX \"public\".\"workflow_version_one_published_idx\"");
    await queryRunner.query("DROP TABLE \"workflow_version\"");
    await queryRunner.query("DROP INDEX \"public\".\"service_item_department_idx\"");
    await queryRunner.query("DROP TABLE \"service_item\"");
    await queryRunner.query("DROP TABLE \"bundle\"");
  }
}
