import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DecidedByAndReportIndexes1795990781313 implements MigrationInterface {
  name = 'DecidedByAndReportIndexes1795990781313';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"case_record\" ADD \"decided_by\" uuid");
    // Cases decided before the column existed: the last staff member who decided, from their history.
    await queryRunner.query(
      `UPDATE case_record c SET decided_by = d.actor_id
         FROM (SELECT DISTINCT ON (case_id) case_id, actor_id FROM case_history
                WHERE actor_id IS NOT NULL AND action IN ('accept', 'refuse', 'correction', 'approve', 'reject', 'transfer')
                ORDER BY case_id, seq DESC) d
        WHERE d.case_id = c.id`,
    );
    await queryRunner.query("CREATE INDEX \"case_record_finished_idx\" ON \"case_record\"  (\"finished_at\", \"accepted_at\", \"service_item_code\", \"department_code\", \"status\", \"promised_deadline\", \"statutory_deadline\", \"decided_by\") WHERE finished_at IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"case_task_open_due_idx\" ON \"case_task\"  (\"due_at\", \"created_at\", \"claimed_by\") WHERE status IN ('open', 'claimed')");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"case_task_open_due_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"case_record_finished_idx\"");
    await queryRunner.query("ALTER TABLE \"case_record\" DROP COLUMN \"decided_by\"");
  }
}
