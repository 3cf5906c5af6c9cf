import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Benefits1795979200898 implements MigrationInterface {
  name = 'Benefits1795979200898';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"benefit_policy\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"code\" text NOT NULL, \"subject_type\" text NOT NULL, \"current_version\" integer NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"department_code\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_44a8aae959473adcfbcb4533d70\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"benefit_policy_code_key\" ON \"benefit_policy\"  (\"code\") ");
    await queryRunner.query("CREATE TABLE \"benefit_policy_version\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"policy_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"name\" text NOT NULL, \"rule\" text NOT NULL, \"variables_used\" text array NOT NULL, \"amount\" numeric(12,2) NOT NULL, \"period\" text NOT NULL, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_9c9cb105716b76041cbed75d383\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"benefit_policy_version_key\" ON \"benefit_policy_version\"  (\"policy_id\", \"version\") ");
    await queryRunner.query("CREATE TABLE \"benefit_run\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"policy_id\" uuid NOT NULL, \"policy_version_id\" uuid NOT NULL, \"dry_run\" boolean NOT NULL, \"status\" text NOT NULL DEFAULT 'queued', \"as_of\" date NOT NULL, \"period\" text NOT NULL, \"chunk_size\" integer NOT NULL, \"first_subject_id\" bigint, \"last_subject_id\" bigint, \"chunks_total\" integer NOT NULL, \"chunks_done\" integer NOT NULL DEFAULT '0', \"evaluated\" integer NOT NULL DEFAULT '0', \"eligible\" integer NOT NULL DEFAULT '0', \"granted\" integer NOT NULL DEFAULT '0', \"skipped_existing\" integer NOT NULL DEFAULT '0', \"error\" text, \"requested_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"started_at\" TIMESTAMP WITH TIME ZONE, \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_acee7749caa3fd4b5468c481324\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"benefit_run_policy_idx\" ON \"benefit_run\"  (\"policy_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"benefit_grant\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"policy_id\" uuid NOT NULL, \"policy_version_id\" uuid NOT NULL, \"subject_type\" text NOT NULL, \"subject_id\" bigint NOT NULL, \"period\" text NOT NULL, \"amount\" numeric(12,2) NOT NULL, \"status\" text NOT NULL DEFAULT 'granted', \"run_id\" uuid, \"import_id\" uuid, \"as_of\" date NOT NULL, \"facts\" jsonb NOT NULL, \"granted_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"declined_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_aac1f7cb2482ae9d848b5dbfe82\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"benefit_grant_subject_idx\" ON \"benefit_grant\"  (\"subject_type\", \"subject_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"benefit_grant_policy_subject_period_key\" ON \"benefit_grant\"  (\"policy_id\", \"subject_id\", \"period\") ");
    await queryRunner.query("CREATE TABLE \"benefit_review\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"grant_id\" bigint NOT NULL, \"policy_id\" uuid NOT NULL, \"subject_type\" text NOT NULL, \"subject_id\" bigint NOT NULL, \"reason\" text NOT NULL, \"facts\" jsonb NOT NULL, \"import_id\" uuid, \"status\" text NOT NULL DEFAULT 'open', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"resolved_at\" TIMESTAMP WITH TIME ZONE, \"resolved_by\" uuid, \"note\" text, CONSTRAINT \"PK_070ae7ceb261729772a72d1fe7d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"benefit_review_status_idx\" ON \"benefit_review\"  (\"status\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"benefit_review_open_grant_key\" ON \"benefit_review\"  (\"grant_id\") WHERE status = 'open'");
    await queryRunner.query("CREATE TABLE \"registry_import\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"subject_type\" text NOT NULL, \"format\" text NOT NULL, \"source\" text NOT NULL, \"started_by\" uuid, \"status\" text NOT NULL DEFAULT 'running', \"lines\" integer NOT NULL DEFAULT '0', \"imported\" integer NOT NULL DEFAULT '0', \"updated\" integer NOT NULL DEFAULT '0', \"unchanged\" integer NOT NULL DEFAULT '0', \"rejected_count\" integer NOT NULL DEFAULT '0', \"rejected\" jsonb NOT NULL DEFAULT '[]', \"error\" text, \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_fef6282c0fc1912c56c31b9530b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"registry_change\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"import_id\" uuid NOT NULL, \"subject_type\" text NOT NULL, \"subject_id\" bigint NOT NULL, \"kind\" text NOT NULL, \"changes\" jsonb, \"changed_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_02a55057d9d7e65e92b85f1c61e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"registry_change_import_idx\" ON \"registry_change\"  (\"import_id\") ");
    await queryRunner.query("CREATE INDEX \"registry_change_subject_idx\" ON \"registry_change\"  (\"subject_type\", \"subject_id\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"registry_enterprise\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"uscc\" text NOT NULL, \"name\" text NOT NULL, \"type\" text NOT NULL, \"industry\" text NOT NULL, \"employees\" integer NOT NULL, \"registered_at\" date NOT NULL, \"layoffs_last_year\" integer NOT NULL, \"social_insurance_arrears\" boolean NOT NULL, \"last_import_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"registry_enterprise_layoffs_check\" CHECK (layoffs_last_year >= 0), CONSTRAINT \"registry_enterprise_employees_check\" CHECK (employees >= 0), CONSTRAINT \"PK_0a7182e789db04cbb301f85df74\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"registry_enterprise_uscc_key\" ON \"registry_enterprise\"  (\"uscc\") ");
    await queryRunner.query("CREATE TABLE \"registry_person\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"id_number\" text NOT NULL, \"name\" text NOT NULL, \"gender\" text NOT NULL, \"birth_date\" date NOT NULL, \"hukou_district\" text NOT NULL, \"disability_level\" smallint NOT NULL, \"monthly_income\" numeric(12,2) NOT NULL, \"household_size\" integer NOT NULL, \"phone\" text, \"last_import_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"registry_person_household_size_check\" CHECK (household_size >= 1), CONSTRAINT \"registry_person_monthly_income_check\" CHECK (monthly_income >= 0), CONSTRAINT \"registry_person_disability_level_check\" CHECK (disability_level BETWEEN 0 AND 4), CONSTRAINT \"registry_person_gender_check\" CHECK (gender IN ('M', 'F')), CONSTRAINT \"PK_5d8fdf9ca21a73eb471fe74a46e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"registry_person_id_number_key\" ON \"registry_person\"  (\"id_number\") ");
    await queryRunner.query("ALTER TABLE \"benefit_policy\" ADD CONSTRAINT \"FK_6c745d9d21db25096948cab965d\" FOREIGN KEY (\"department_code\") REFERENCES \"department\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"benefit_policy_version\" ADD CONSTRAINT \"FK_44fea66f514f500d7e275680d63\" FOREIGN KEY (\"policy_id\") REFERENCES \"benefit_policy\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"benefit_run\" ADD CONSTRAINT \"FK_327de8a955a0ec7d41272209287\" FOREIGN KEY (\"policy_id\") REFERENCES \"benefit_policy\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"benefit_run\" ADD CONSTRAINT \"FK_499ce3bc52161e1690d160c2355\" FOREIGN KEY (\"policy_version_id\") REFERENCES \"benefit_policy_version\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"benefit_grant\" ADD CONSTRAINT \"FK_32b430d1af85d3529095cdb13fc\" FOREIGN KEY (\"policy_id\") REFERENCES \"benefit_policy\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"benefit_grant\" ADD CONSTRAINT \"FK_480d65e037c40fe39102f5369f9\" FOREIGN KEY (\"policy_version_id\") REFERENCES \"benefit_policy_version\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"benefit_grant\" ADD CONSTRAINT \"FK_19624bcf25252ec865173a617af\" FOREIGN KEY (\"run_id\") REFERENCES \"benefit_run\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"benefit_review\" ADD CONSTRAINT \"FK_b0f401512c1594cdfa510d9c30b\" FOREIGN KEY (\"grant_id\") REFERENCES \"benefit_grant\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"registry_change\" ADD CONSTRAINT \"FK_5ea0c7cb6c567eb56feeac78371\" FOREIGN KEY (\"import_id\") REFERENCES \"registry_import\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"registry_enterprise\" ADD CONSTRAINT \"FK_03902ad129b76e7698705b91766\" FOREIGN KEY (\"last_import_id\") REFERENCES \"registry_import\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"registry_person\" ADD CONSTRAINT \"FK_ae1952caff3e5927a6d7241769c\" FOREIGN KEY (\"last_import_id\") REFERENCES \"registry_import\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"registry_person\" DROP CONSTRAINT \"FK_ae1952caff3e5927a6d7241769c\"");
    await queryRunner.query("ALTER TABLE \"registry_enterprise\" DROP CONSTRAINT \"FK_03902ad129b76e7698705b91766\"");
    await queryRunner.query("ALTER TABLE \"registry_change\" DROP CONSTRAINT \"FK_5ea0c7cb6c567eb56feeac78371\"");
    await queryRunner.query("ALTER TABLE \"benefit_review\" DROP CONSTRAINT \"FK_b0f401512c1594cdfa510d9c30b\"");
    await queryRunner.query("ALTER TABLE \"benefit_grant\" DROP CONSTRAINT \"FK_19624bcf25252ec865173a617af\"");
    await queryRunner.query("ALTER TABLE \"benefit_grant\" DROP CONSTRAINT \"FK_480d65e037c40fe39102f5369f9\"");
    await queryRunner.query("ALTER TABLE \"benefit_grant\" DROP CONSTRAINT \"FK_32b430d1af85d3529095cdb13fc\"");
    await queryRunner.query("ALTER TABLE \"benefit_run\" DROP CONSTRAINT \"FK_499ce3bc52161e1690d160c2355\"");
    await queryRunner.query("ALTER TABLE \"benefit_run\" DROP CONSTRAINT \"FK_327de8a955a0ec7d41272209287\"");
    await queryRunner.query("ALTER TABLE \"benefit_policy_version\" DROP CONSTRAINT \"FK_44fea66f514f500d7e275680d63\"");
    await queryRunner.query("ALTER TABLE \"benefit_policy\" DROP CONSTRAINT \"FK_6c745d9d21db25096948cab965d\"");
    await queryRunner.query("DROP INDEX \"public\".\"registry_person_id_number_key\"");
    await queryRunner.query("DROP TABLE \"registry_person\"");
    await queryRunner.query("DROP INDEX \"public\".\"registry_enterprise_uscc_key\"");
    await queryRunner.query("DROP TABLE \"registry_enterprise\"");
    await queryRunner.query("DROP INDEX \"public\".\"registry_change_subject_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"registry_change_import_idx\"");
    await queryRunner.query("DROP TABLE \"registry_change\"");
    await queryRunner.query("DROP TABLE \"registry_import\"");
    await queryRunner.query("DROP INDEX \"public\".\"benefit_review_open_grant_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"benefit_review_status_idx\"");
    await queryRunner.query("DROP TABLE \"benefit_review\"");
    await queryRunner.query("DROP INDEX \"public\".\"benefit_grant_policy_subject_period_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"benefit_grant_subject_idx\"");
    await queryRunner.query("DROP TABLE \"benefit_grant\"");
    await queryRunner.query("DROP INDEX \"public\".\"benefit_run_policy_idx\"");
    await queryRunner.query("DROP TABLE \"benefit_run\"");
    await queryRunner.query("DROP INDEX \"public\".\"benefit_policy_version_key\"");
    await queryRunner.query("DROP TABLE \"benefit_policy_version\"");
    await queryRunner.query("DROP INDEX \"public\".\"benefit_policy_code_key\"");
    await queryRunner.query("DROP TABLE \"benefit_policy\"");
  }
}
