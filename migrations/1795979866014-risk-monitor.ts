import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RiskMonitor1795979866014 implements MigrationInterface {
  name = 'RiskMonitor1795979866014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"risk_flag\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" text NOT NULL, \"severity\" text NOT NULL, \"target_key\" text NOT NULL, \"case_id\" uuid, \"task_id\" text, \"department_code\" text, \"facts\" jsonb NOT NULL, \"status\" text NOT NULL DEFAULT 'open', \"detected_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"acknowledged_at\" TIMESTAMP WITH TIME ZONE, \"acknowledged_by\" uuid, \"acknowledge_comment\" text, \"resolved_at\" TIMESTAMP WITH TIME ZONE, \"resolved_by\" uuid, \"resolution\" text, \"resolution_comment\" text, \"escalation_level\" smallint NOT NULL DEFAULT '0', \"escalated_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_3b9140ccf388fda52377783fd04\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"risk_flag_case_idx\" ON \"risk_flag\"  (\"case_id\") WHERE case_id IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"risk_flag_status_idx\" ON \"risk_flag\"  (\"status\", \"detected_at\") ");
    await queryRunner.query("CREATE INDEX \"risk_flag_target_idx\" ON \"risk_flag\"  (\"kind\", \"target_key\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"risk_flag_open_target_idx\" ON \"risk_flag\"  (\"kind\", \"target_key\") WHERE status <> 'resolved'");
    await queryRunner.query("CREATE TABLE \"risk_scan\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"status\" text NOT NULL DEFAULT 'queued', \"trigger\" text NOT NULL, \"requested_by\" uuid, \"flagged\" integer NOT NULL DEFAULT '0', \"resolved\" integer NOT NULL DEFAULT '0', \"escalated\" integer NOT NULL DEFAULT '0', \"reviewed\" boolean NOT NULL DEFAULT false, \"error\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"started_at\" TIMESTAMP WITH TIME ZONE, \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_c2f8da7c004b6cc9a382b53d896\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"risk_scan_created_idx\" ON \"risk_scan\"  (\"created_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"risk_scan_created_idx\"");
    await queryRunner.query("DROP TABLE \"risk_scan\"");
    await queryRunner.query("DROP INDEX \"public\".\"risk_flag_open_target_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"risk_flag_target_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"risk_flag_status_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"risk_flag_case_idx\"");
    await queryRunner.query("DROP TABLE \"risk_flag\"");
  }
}
