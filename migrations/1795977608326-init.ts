import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795977608326 implements MigrationInterface {
  name = 'Init1795977608326';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"department\" (\"code\" text NOT NULL, \"name\" text NOT NULL, CONSTRAINT \"PK_62690f4fe31da9eb824d909285f\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE TABLE \"notification\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"recipient_id\" uuid NOT NULL, \"channel\" text NOT NULL, \"template\" text NOT NULL, \"data\" jsonb NOT NULL DEFAULT '{}', \"status\" text NOT NULL DEFAULT 'pending', \"delivery_attempts\" integer NOT NULL DEFAULT '0', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"delivered_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_705b6c7cdf9b2c2ff7ac7872cb7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"notification_recipient_idx\" ON \"notification\"  (\"recipient_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"failed_job\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"queue\" text NOT NULL, \"job_id\" text NOT NULL, \"job_name\" text NOT NULL, \"payload\" jsonb NOT NULL, \"error\" text NOT NULL, \"attempts\" integer NOT NULL, \"failed_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_80c464e5e96567a752cd3d87298\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"failed_job_unique_idx\" ON \"failed_job\"  (\"queue\", \"job_id\") ");
    await queryRunner.query("CREATE TABLE \"outbox_message\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"queue\" text NOT NULL, \"job_name\" text NOT NULL, \"payload\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"claimed_until\" TIMESTAMP WITH TIME ZONE, \"relayed_at\" TIMESTAMP WITH TIME ZONE, \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" text, CONSTRAINT \"PK_2f36ee5236f2793f3e7bd554589\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"outbox_message_pending_idx\" ON \"outbox_message\"  (\"id\") WHERE relayed_at IS NULL");
    await queryRunner.query("CREATE TABLE \"app_user\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"username\" text NOT NULL, \"password_hash\" text NOT NULL, \"roles\" text array NOT NULL, \"department_code\" text, \"display_name\" text NOT NULL, \"id_number\" text, \"facts\" jsonb NOT NULL DEFAULT '{}', \"disabled\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, CONSTRAINT \"PK_22a5c4a3d9b2fb8e4e73fc4ada1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_c480e576dd71729addbc2d51b6\" ON \"app_user\"  (\"username\") ");
    await queryRunner.query("ALTER TABLE \"app_user\" ADD CONSTRAINT \"FK_892845863f608b54b8a6235b6ec\" FOREIGN KEY (\"department_code\") REFERENCES \"department\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"app_user\" DROP CONSTRAINT \"FK_892845863f608b54b8a6235b6ec\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_c480e576dd71729addbc2d51b6\"");
    await queryRunner.query("DROP TABLE \"app_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"outbox_message_pending_idx\"");
    await queryRunner.query("DROP TABLE \"outbox_message\"");
    await queryRunner.query("DROP INDEX \"public\".\"failed_job_unique_idx\"");
    await queryRunner.query("DROP TABLE \"failed_job\"");
    await queryRunner.query("DROP INDEX \"public\".\"notification_recipient_idx\"");
    await queryRunner.query("DROP TABLE \"notification\"");
    await queryRunner.query("DROP TABLE \"department\"");
  }
}
