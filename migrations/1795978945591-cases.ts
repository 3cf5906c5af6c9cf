import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Cases1795978945591 implements MigrationInterface {
  name = 'Cases1795978945591';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"case_history\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"case_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"actor_id\" uuid, \"actor\" text NOT NULL, \"action\" text NOT NULL, \"from_status\" text, \"to_status\" text, \"comment\" text, \"data\" jsonb NOT NULL DEFAULT '{}', \"prev_hash\" text NOT NULL, \"hash\" text NOT NULL, CONSTRAINT \"PK_c3afb6b822ee2a4b1602b33d595\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"case_history_case_seq_idx\" ON \"case_history\"  (\"case_id\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"case_number_counter\" (\"year\" integer NOT NULL, \"scope\" text NOT NULL, \"last\" integer NOT NULL, CONSTRAINT \"PK_824e11235e905e560fd80e73ef9\" PRIMARY KEY (\"year\", \"scope\"))");
    await queryRunner.query("CREATE TABLE \"case_rating\" (\"case_id\" uuid NOT NULL, \"score\" smallint NOT NULL, \"comment\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_e3eb6a331abb6bec74327770376\" PRIMARY KEY (\"case_id\"))");
    await queryRunner.query("CREATE TABLE \"case_record\" (\"id\" uuid NOT NULL, \"case_no\" text NOT NULL, \"applicant_id\" uuid NOT NULL, \"service_item_code\" text, \"bundle_code\" text, \"parent_id\" uuid, \"department_code\" text, \"workflow_key\" text, \"workflow_version\" integer, \"status\" text NOT NULL, \"engine_state\" jsonb, \"form\" jsonb NOT NULL, \"materials\" jsonb NOT NULL, \"material_list\" jsonb NOT NULL, \"materials_owed\" jsonb NOT NULL DEFAULT '[]', \"applicant\" jsonb NOT NULL, \"pending_evaluation\" jsonb, \"clock\" jsonb, \"statutory_deadline\" TIMESTAMP WITH TIME ZONE, \"promised_deadline\" TIMESTAMP WITH TIME ZONE, \"deadlines_provisional\" boolean NOT NULL DEFAULT false, \"clock_paused\" boolean NOT NULL DEFAULT false, \"idempotency_key\" text, \"request_hash\" text, \"submitted_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"accepted_at\" TIMESTAMP WITH TIME ZONE, \"finished_at\" TIMESTAMP WITH TIME ZONE, \"last_event_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"history_head\" text NOT NULL, \"history_seq\" integer NOT NULL DEFAULT '0', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL, CONSTRAINT \"PK_c690854c14a2669a8ea6deb7e5c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"case_record_case_no_idx\" ON \"case_record\"  (\"case_no\") ");
    await queryRunner.query("CREATE INDEX \"case_record_parent_idx\" ON \"case_record\"  (\"parent_id\") WHERE parent_id IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"case_record_department_idx\" ON \"case_record\"  (\"department_code\", \"submitted_at\") ");
    await queryRunner.query("CREATE INDEX \"case_record_open_promised_idx\" ON \"case_record\"  (\"promised_deadline\") WHERE finished_at IS NULL");
    await queryRunner.query("CREATE INDEX \"case_record_open_statutory_idx\" ON \"case_record\"  (\"statutory_deadline\") WHERE finished_at IS NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"case_record_idempotency_idx\" ON \"case_record\"  (\"applicant_id\", \"idempotency_key\") WHERE idempotency_key IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"case_record_applicant_idx\" ON \"case_record\"  (\"applicant_id\", \"submitted_at\") ");
    await queryRunner.query("CREATE TABLE \"certificate\" (\"code\" text NOT NULL, \"case_id\" uuid NOT NULL, \"service_item_code\" text NOT NULL, \"name\" text NOT NULL, \"holder_name\" text NOT NULL, \"holder_identifier\" text, \"issued_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"valid_until\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_9c263067e4ed9782c88b4b347e0\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE INDEX \"certificate_case_idx\" ON \"certificate\"  (\"case_id\") ");
    await queryRunner.query("CREATE TABLE \"case_task\" (\"id\" text NOT NULL, \"case_id\" uuid NOT NULL, \"step_id\" text NOT NULL, \"department_code\" text NOT NULL, \"role\" text NOT NULL, \"status\" text NOT NULL, \"allowed_actions\" text array NOT NULL, \"due_at\" TIMESTAMP WITH TIME ZONE, \"claimed_by\" uuid, \"lease_until\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"closed_at\" TIMESTAMP WITH TIME ZONE, \"closed_by\" uuid, \"outcome\" text, CONSTRAINT \"PK_06ca77cf52ae5e6d862daf4ec23\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"case_task_case_idx\" ON \"case_task\"  (\"case_id\") ");
    await queryRunner.query("CREATE INDEX \"case_task_queue_idx\" ON \"case_task\"  (\"department_code\", \"status\", \"due_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"case_task_queue_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"case_task_case_idx\"");
    await queryRunner.query("DROP TABLE \"case_task\"");
    await queryRunner.query("DROP INDEX \"public\".\"certificate_case_idx\"");
    await queryRunner.query("DROP TABLE \"certificate\"");
    await queryRunner.query("DROP INDEX \"public\".\"case_record_applicant_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"case_record_idempotency_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"case_record_open_statutory_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"case_record_open_promised_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"case_record_department_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"case_record_parent_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"case_record_case_no_idx\"");
    await queryRunner.query("DROP TABLE \"case_record\"");
    await queryRunner.query("DROP TABLE \"case_rating\"");
    await queryRunner.query("DROP TABLE \"case_number_counter\"");
    await queryRunner.query("DROP INDEX \"public\".\"case_history_case_seq_idx\"");
    await queryRunner.query("DROP TABLE \"case_history\"");
  }
}
