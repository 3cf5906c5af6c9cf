import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password.js';
import { seedBenefits } from '../benefits/seed/benefit-policies.seed.js';
import { seedCatalog } from '../catalog/seed/catalog.seed.js';
import type { IdNumberCipher } from '../keys/id-number-cipher.js';
import { seedUserAccounts } from '../users/seed/accounts.seed.js';
import { seedWorkflowVersions } from '../workflows/seed/workflow-versions.seed.js';

/**
 * Loads the 南关区 catalogue (departments, service items, bundles, published workflow definitions), the
 * accounts of API.md and the benefit policies, in one transaction. Each owner seeds its own tables; this
 * only orders them (departments before the accounts that name them). Idempotent: rows that exist are
 * left alone (an admin may have changed them since).
 */
export async function seedDatabase(dataSource: DataSource, password: string, idNumbers: IdNumberCipher): Promise<{ departments: number; usersCreated: number }> {
  const passwordHash = await hashPassword(password);
  return dataSource.transaction(async (manager) => {
    const { departments } = await seedCatalog(manager);
    await seedWorkflowVersions(manager, new Date());
    const usersCreated = await seedUserAccounts(manager, passwordHash, idNumbers);
    await seedBenefits(manager);
    return { departments, usersCreated };
  });
}
