import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password.js';
import { Department } from '../catalog/department.entity.js';
import { seedAccounts, seedDepartments, type SeedAccount } from '../catalog/seed/index.js';
import { User, type ApplicantFacts } from '../users/user.entity.js';

function factsOf(account: SeedAccount): { idNumber: string | null; facts: ApplicantFacts } {
  if (account.kind === 'staff') return { idNumber: null, facts: {} };
  if (account.kind === 'person') {
    const { username: _u, roles: _r, displayName: _d, idNumber, ...facts } = account;
    return { idNumber, facts };
  }
  const { username: _u, roles: _r, displayName: _d, kind, legalRepresentativeIdNumber, ...rest } = account;
  return { idNumber: legalRepresentativeIdNumber, facts: { kind, ...rest } };
}

/**
 * Loads the 南关区 departments and the accounts of API.md. Idempotent: departments are upserted,
 * accounts that exist are left alone (their passwords may have been changed since).
 */
export async function seedDatabase(dataSource: DataSource, password: string): Promise<{ departments: number; usersCreated: number }> {
  const passwordHash = await hashPassword(password);
  return dataSource.transaction(async (manager) => {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Department)
      .values(seedDepartments.map(({ code, name }) => ({ code, name })))
      .orUpdate(['name'], ['code'])
      .execute();
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(User)
      .values(
        seedAccounts.map((account) => ({
          username: account.username,
          passwordHash,
          roles: [...account.roles],
          departmentCode: account.kind === 'staff' ? (account.departmentCode ?? null) : null,
          displayName: account.displayName,
          ...factsOf(account),
        })),
      )
      .orIgnore()
      .returning(['id'])
      .execute();
    return { departments: seedDepartments.length, usersCreated: result.raw.length as number };
  });
}
