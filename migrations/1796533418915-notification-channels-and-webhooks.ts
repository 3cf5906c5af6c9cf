import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationChannelsAndWebhooks1796533418915 implements MigrationInterface {
  name = 'NotificationChannelsAndWebhooks1796533418915';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"webhook_delivery\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"seq\" BIGSERIAL NOT NULL, \"subscription_id\" uuid NOT NULL, \"event\" text NOT NULL, \"order_key\" text NOT NULL, \"payload\" jsonb NOT NULL, \"status\" text NOT NULL DEFAULT 'pending', \"attempts\" jsonb NOT NULL DEFAULT '[]', \"claimed_until\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"delivered_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_b1ae290239a778f12399db91354\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"webhook_delivery_subscription_idx\" ON \"webhook_delivery\"  (\"subscription_id\", \"seq\") ");
    await queryRunner.query("CREATE INDEX \"webhook_delivery_order_idx\" ON \"webhook_delivery\"  (\"subscription_id\", \"order_key\", \"seq\") WHERE status = 'pending'");
    await queryRunner.query("CREATE TABLE \"webhook_subscription\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"url\" text NOT NULL, \"events\" text array NOT NULL, \"secret\" text NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b52cb4811c5ada4f42896c37ba8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("ALTER TABLE \"notification\" ADD \"case_id\" uuid");
    await queryRunner.query("ALTER TABLE \"notification\" ADD \"not_before\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"notification\" ADD \"claimed_until\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"notification\" ADD \"last_error\" text");
    await queryRunner.query("ALTER TABLE \"notification\" ADD \"read_at\" TIMESTAMP WITH TIME ZONE");
    // Notices written before this carried only the case number: link them to their case for the inbox.
    await queryRunner.query("UPDATE \"notification\" n SET \"case_id\" = c.\"id\" FROM \"case_record\" c WHERE n.\"case_id\" IS NULL AND n.\"data\"->>'caseNo' = c.\"case_no\"");
    await queryRunner.query("CREATE INDEX \"notification_attention_idx\" ON \"notification\"  (\"status\", \"not_before\") WHERE status IN ('held', 'failed')");
    await queryRunner.query("CREATE INDEX \"notification_unread_idx\" ON \"notification\"  (\"recipient_id\") WHERE channel = 'in-app' AND read_at IS NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"notification_unread_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"notification_attention_idx\"");
    await queryRunner.query("ALTER TABLE \"notification\" DROP COLUMN \"read_at\"");
    await queryRunner.query("ALTER TABLE \"notification\" DROP COLUMN \"last_error\"");
    await queryRunner.query("ALTER TABLE \"notification\" DROP COLUMN \"claimed_until\"");
    await queryRunner.query("ALTER TABLE \"notification\" DROP COLUMN \"not_before\"");
    await queryRunner.query("ALTER TABLE \"notification\" DROP COLUMN \"case_id\"");
    await queryRunner.query("DROP TABLE \"webhook_subscription\"");
    await queryRunner.query("DROP INDEX \"public\".\"webhook_delivery_order_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"webhook_delivery_subscription_idx\"");
    await queryRunner.query("DROP TABLE \"webhook_delivery\"");
  }
}
