import type { EntityManager } from 'typeorm';
import { seedAccounts, type SeedAccount } from '../../catalog/seed/index.js';
import type { IdNumberCipher } from '../../keys/id-number-cipher.js';
import { User, type ApplicantFacts } from '../user.entity.js';

function factsOf(account: SeedAccount): { idNumber: string | null; facts: ApplicantFacts } {
  if (account.kind === 'staff') return { idNumber: null, facts: {} };
  if (account.kind === 'person') {
    const { username: _u, roles: _r, displayName: _d, idNumber, ...facts } = account;
    return { idNumber, facts };
  }
  const { username: _u, roles: _r, displayName: _d, kind, legalRepresentativeIdNumber, ...rest } = account;
  return { idNumber: legalRepresentativeIdNumber, facts: { kind, ...rest } };
}

/** A database with no account at all has never been seeded (embedded mode seeds it on first start). */
export async function hasNoAccounts(manager: EntityManager): Promise<boolean> {
  return (await manager.getRepository(User).count()) === 0;
}

/**
 * The accounts of API.md, all with the one `passwordHash`; accounts that exist are left alone. Answers how
 * many it created. Runs inside the seed's transaction (src/cli/seed.ts).
 */
export async function seedUserAccounts(manager: EntityManager, passwordHash: string, idNumbers: IdNumberCipher): Promise<number> {
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(User)
    .values(
      seedAccounts.map((account) => {
        const { idNumber, facts } = factsOf(account);
        const sealed = idNumber === null ? null : idNumbers.protect(idNumber);
        return {
          username: account.username,
          passwordHash,
          roles: [...account.roles],
          departmentCode: account.kind === 'staff' ? (account.departmentCode ?? null) : null,
          displayName: account.displayName,
          facts,
          idNumberSealed: sealed?.sealed ?? null,
          idNumberHash: sealed?.hash ?? null,
        };
      }),
    )
    .orIgnore()
    .returning(['id'])
    .execute();
  return result.raw.length as number;
}
