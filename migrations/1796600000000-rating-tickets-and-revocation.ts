import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RatingTicketsAndRevocation1796600000000 implements MigrationInterface {
  name = 'RatingTicketsAndRevocation1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"rating_ticket\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"case_id\" uuid NOT NULL, \"case_no\" text NOT NULL, \"department_code\" text, \"score\" smallint NOT NULL, \"comment\" text, \"status\" text NOT NULL, \"outcome\" text, \"due_date\" date NOT NULL, \"due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"visits\" jsonb NOT NULL DEFAULT '[]', \"rectification\" jsonb, \"appeal\" jsonb, \"appealed_from\" text, \"opened_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"closed_by\" uuid, \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"PK_4cdeeb0a4e6028cd533f4770fdd\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"rating_ticket_due_idx\" ON \"rating_ticket\"  (\"due_at\") WHERE status <> 'closed'");
    await queryRunner.query("CREATE INDEX \"rating_ticket_department_idx\" ON \"rating_ticket\"  (\"department_code\", \"opened_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"rating_ticket_case_key\" ON \"rating_ticket\"  (\"case_id\") ");
    await queryRunner.query("CREATE TABLE \"certificate_event\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"code\" text NOT NULL, \"action\" text NOT NULL, \"actor_id\" uuid NOT NULL, \"actor_name\" text NOT NULL, \"reason\" text NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_d14af3eefff2434de5c32adb058\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"certificate_event_code_idx\" ON \"certificate_event\"  (\"code\", \"at\") ");
    await queryRunner.query("ALTER TABLE \"certificate\" ADD \"revoked_reason\" text");
    await queryRunner.query("ALTER TABLE \"certificate\" ADD \"revoked_by\" uuid");
    await queryRunner.query("ALTER TABLE \"certificate\" ADD \"holder_id\" uuid");
    // Licences issued before: their holder is their case's applicant.
    await queryRunner.query('UPDATE certificate SET holder_id = c.applicant_id FROM case_record c WHERE c.id = certificate.case_id AND certificate.holder_id IS NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"certificate\" DROP COLUMN \"holder_id\"");
    await queryRunner.query("ALTER TABLE \"certificate\" DROP COLUMN \"revoked_by\"");
    await queryRunner.query("ALTER TABLE \"certificate\" DROP COLUMN \"revoked_reason\"");
    await queryRunner.query("DROP INDEX \"public\".\"certificate_event_code_idx\"");
    await queryRunner.query("DROP TABLE \"certificate_event\"");
    await queryRunner.query("DROP INDEX \"public\".\"rating_ticket_case_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"rating_ticket_department_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"rating_ticket_due_idx\"");
    await queryRunner.query("DROP TABLE \"rating_ticket\"");
  }
}
