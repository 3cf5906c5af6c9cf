import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The unique index on usernames gets a name that says what it is: a violation of it maps to 409 user.username_taken. */
export class NameUsernameUniqueIndex1796522566966 implements MigrationInterface {
  name = 'NameUsernameUniqueIndex1796522566966';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER INDEX "IDX_c480e576dd71729addbc2d51b6" RENAME TO "app_user_username_key"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER INDEX "app_user_username_key" RENAME TO "IDX_c480e576dd71729addbc2d51b6"');
  }
}
