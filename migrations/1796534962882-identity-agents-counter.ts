import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityAgentsCounter1796534962882 implements MigrationInterface {
  name = 'IdentityAgentsCounter1796534962882';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"agent_authorisation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"principal_id\" uuid NOT NULL, \"agent_id\" uuid NOT NULL, \"service_item_codes\" text array, \"valid_until\" TIMESTAMP WITH TIME ZONE NOT NULL, \"kind\" text NOT NULL DEFAULT 'agent', \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_4982a518d9aa6811870fac62957\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"agent_authorisation_agent_idx\" ON \"agent_authorisation\"  (\"agent_id\", \"principal_id\") ");
    await queryRunner.query("CREATE INDEX \"agent_authorisation_principal_idx\" ON \"agent_authorisation\"  (\"principal_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"auth_session\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"method\" text NOT NULL, \"session_version\" integer NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoked_reason\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_19354ed146424a728c1112a8cbf\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"auth_session_user_idx\" ON \"auth_session\"  (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"refresh_token\" (\"token_hash\" bytea NOT NULL, \"session_id\" uuid NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_f0812282fad2e352cdaf83ef0a9\" PRIMARY KEY (\"token_hash\"))");
    await queryRunner.query("CREATE INDEX \"refresh_token_session_idx\" ON \"refresh_token\"  (\"session_id\") ");
    await queryRunner.query("CREATE TABLE \"enterprise_account\" (\"user_id\" uuid NOT NULL, \"uscc\" text NOT NULL, \"name\" text NOT NULL, \"legal_representative_id\" uuid NOT NULL, \"registry_verified\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_e7fc92236f4eee5d6e53bad7eda\" PRIMARY KEY (\"user_id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"enterprise_account_uscc_key\" ON \"enterprise_account\"  (\"uscc\") ");
    await queryRunner.query("CREATE TABLE \"oidc_login\" (\"state\" text NOT NULL, \"code_verifier\" text NOT NULL, \"nonce\" text NOT NULL, \"redirect_uri\" text NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_470343f1a89538c10b5bfea5e11\" PRIMARY KEY (\"state\"))");
    await queryRunner.query("CREATE TABLE \"identity_link\" (\"issuer\" text NOT NULL, \"subject\" text NOT NULL, \"user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_00996a0051fa9a2c4aea2000273\" PRIMARY KEY (\"issuer\", \"subject\"))");
    await queryRunner.query("CREATE INDEX \"identity_link_user_idx\" ON \"identity_link\"  (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"sms_code\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"phone_hash\" bytea NOT NULL, \"address_hash\" bytea NOT NULL, \"code_hash\" bytea NOT NULL, \"attempts\" integer NOT NULL DEFAULT '0', \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_6be10be47996c6d6591354f0002\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"sms_code_address_idx\" ON \"sms_code\"  (\"address_hash\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"sms_code_phone_idx\" ON \"sms_code\"  (\"phone_hash\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"app_user\" ADD \"real_name_verified\" boolean NOT NULL DEFAULT false");
    await queryRunner.query("ALTER TABLE \"app_user\" ADD \"reserved_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"case_record\" ADD \"agent_id\" uuid");
    await queryRunner.query("ALTER TABLE \"case_record\" ADD \"entered_by\" uuid");
    await queryRunner.query("ALTER TABLE \"case_record\" ADD \"channel\" text NOT NULL DEFAULT 'online'");
    await queryRunner.query("CREATE INDEX \"case_record_agent_idx\" ON \"case_record\"  (\"agent_id\") WHERE agent_id IS NOT NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"case_record_agent_idx\"");
    await queryRunner.query("ALTER TABLE \"case_record\" DROP COLUMN \"channel\"");
    await queryRunner.query("ALTER TABLE \"case_record\" DROP COLUMN \"entered_by\"");
    await queryRunner.query("ALTER TABLE \"case_record\" DROP COLUMN \"agent_id\"");
    await queryRunner.query("ALTER TABLE \"app_user\" DROP COLUMN \"reserved_at\"");
    await queryRunner.query("ALTER TABLE \"app_user\" DROP COLUMN \"real_name_verified\"");
    await queryRunner.query("DROP INDEX \"public\".\"sms_code_phone_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"sms_code_address_idx\"");
    await queryRunner.query("DROP TABLE \"sms_code\"");
    await queryRunner.query("DROP INDEX \"public\".\"identity_link_user_idx\"");
    await queryRunner.query("DROP TABLE \"identity_link\"");
    await queryRunner.query("DROP TABLE \"oidc_login\"");
    await queryRunner.query("DROP INDEX \"public\".\"enterprise_account_uscc_key\"");
    await queryRunner.query("DROP TABLE \"enterprise_account\"");
    await queryRunner.query("DROP INDEX \"public\".\"refresh_token_session_idx\"");
    await queryRunner.query("DROP TABLE \"refresh_token\"");
    await queryRunner.query("DROP INDEX \"public\".\"auth_session_user_idx\"");
    await queryRunner.query("DROP TABLE \"auth_session\"");
    await queryRunner.query("DROP INDEX \"public\".\"agent_authorisation_principal_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"agent_authorisation_agent_idx\"");
    await queryRunner.query("DROP TABLE \"agent_authorisation\"");
  }
}
