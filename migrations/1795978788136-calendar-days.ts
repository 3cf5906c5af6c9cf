import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CalendarDays1795978788136 implements MigrationInterface {
  name = 'CalendarDays1795978788136';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"calendar_change\" (\"version\" integer NOT NULL, \"kind\" text NOT NULL, \"year\" integer NOT NULL, \"date\" date, \"before\" jsonb, \"after\" jsonb, \"reason\" text, \"actor_id\" uuid, \"changed_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"calendar_change_kind_check\" CHECK (kind IN ('official-year', 'override-set', 'override-removed')), CONSTRAINT \"PK_f16e5d2aa363c764079bea99b30\" PRIMARY KEY (\"version\"))");
    await queryRunner.query("CREATE TABLE \"calendar_day\" (\"date\" date NOT NULL, \"source\" text NOT NULL, \"is_workday\" boolean NOT NULL, \"note\" text, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"calendar_day_source_check\" CHECK (source IN ('official', 'override')), CONSTRAINT \"PK_b9e673b390a85ee4b5a6054d9fb\" PRIMARY KEY (\"date\", \"source\"))");
    await queryRunner.query("CREATE TABLE \"calendar_year\" (\"year\" integer NOT NULL, \"source\" text NOT NULL, \"loaded_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"loaded_by\" uuid, CONSTRAINT \"PK_4a5f5b39f8e07f51dab5be6fed9\" PRIMARY KEY (\"year\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"calendar_year\"");
    await queryRunner.query("DROP TABLE \"calendar_day\"");
    await queryRunner.query("DROP TABLE \"calendar_change\"");
  }
}
