import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionsSecretsAndRateLimits1796522245861 implements MigrationInterface {
  name = 'SessionsSecretsAndRateLimits1796522245861';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"app_user\" ADD \"session_version\" integer NOT NULL DEFAULT '1'");
    await queryRunner.query("CREATE TABLE \"auth_secret\" (\"name\" text NOT NULL, \"value\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_fd6cb98ef2a3e588e4c0fdd1c03\" PRIMARY KEY (\"name\"))");
    await queryRunner.query("CREATE TABLE \"login_attempt\" (\"username_hash\" text NOT NULL, \"failures\" integer NOT NULL, \"last_failure_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"locked_until\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_c4c2a95079707a2aa5bc116d553\" PRIMARY KEY (\"username_hash\"))");
    // UNLOGGED: one write per request, and counters that a crash empties cost nothing but a fresh window.
    await queryRunner.query("CREATE UNLOGGED TABLE \"rate_limit_bucket\" (\"key\" text NOT NULL, \"hits\" integer NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_f1310cfeb2b77745eb48247c6c7\" PRIMARY KEY (\"key\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"rate_limit_bucket\"");
    await queryRunner.query("DROP TABLE \"login_attempt\"");
    await queryRunner.query("DROP TABLE \"auth_secret\"");
    await queryRunner.query("ALTER TABLE \"app_user\" DROP COLUMN \"session_version\"");
  }
}
