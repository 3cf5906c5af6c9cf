import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DurableTimers1796533364758 implements MigrationInterface {
  name = 'DurableTimers1796533364758';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"timer\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" text NOT NULL, \"subject\" text NOT NULL, \"key\" text NOT NULL, \"due_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"job_name\" text NOT NULL, \"payload\" jsonb NOT NULL, \"job_id\" text NOT NULL, \"state\" text NOT NULL DEFAULT 'pending', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"fired_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_b476163e854c74bff55b29d320a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"timer_subject_key_idx\" ON \"timer\"  (\"kind\", \"subject\", \"key\") WHERE state = 'pending'");
    await queryRunner.query("CREATE INDEX \"timer_pending_due_idx\" ON \"timer\"  (\"due_at\", \"id\") WHERE state = 'pending'");
    await queryRunner.query("ALTER TABLE \"outbox_message\" ADD \"job_id\" text");
    await queryRunner.query("ALTER TABLE \"outbox_message\" ADD \"trace_context\" jsonb");
    await queryRunner.query("ALTER TABLE \"failed_job\" ADD \"retried_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("CREATE INDEX \"failed_job_failed_at_idx\" ON \"failed_job\"  (\"failed_at\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"failed_job_failed_at_idx\"");
    await queryRunner.query("ALTER TABLE \"failed_job\" DROP COLUMN \"retried_at\"");
    await queryRunner.query("ALTER TABLE \"outbox_message\" DROP COLUMN \"trace_context\"");
    await queryRunner.query("ALTER TABLE \"outbox_message\" DROP COLUMN \"job_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"timer_pending_due_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"timer_subject_key_idx\"");
    await queryRunner.query("DROP TABLE \"timer\"");
  }
}
