import type { QueryRunner } from 'typeorm';

/**
 * What a migration that converts protected data is handed by the runner (runMigrations in
 * src/database/data-source.ts, from the process's keys): a migration never reads the environment.
 */
export interface MigrationKeys {
  /** Seals an ID number with DATA_KEY, with the keyed hash it is looked up by. */
  sealIdNumber(idNumber: string): { sealed: string; hash: Buffer };
  openIdNumber(sealed: string): string;
  /** Seals the head of a case's history written before HISTORY_KEY. */
  sealHistoryHead(caseId: string, seq: number, head: string): { keyId: string; mac: string };
}

/** Where the runner leaves the keys: QueryRunner.data, TypeORM's place for data shared along a connection. */
export function withMigrationKeys(queryRunner: QueryRunner, keys: MigrationKeys | undefined): void {
  queryRunner.data = { ...queryRunner.data, migrationKeys: keys };
}

/** The keys, for a migration that has rows to convert; without them it stops before changing anything. */
export function requireMigrationKeys(queryRunner: QueryRunner, what: string): MigrationKeys {
  const keys = (queryRunner.data as { migrationKeys?: MigrationKeys } | undefined)?.migrationKeys;
  if (!keys) {
    throw new Error(
      `${what} needs DATA_KEY and HISTORY_KEY: run the migrations through the program (start it, or \`node dist/src/cli/cli.js migrate\`), which hands them over`,
    );
  }
  return keys;
}
