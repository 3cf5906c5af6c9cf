import { IsNull, type DataSource } from 'typeorm';
import { hashPassword } from '../auth/password.js';
import { seedBenefits } from '../benefits/seed/benefit-policies.seed.js';
import { Department } from '../catalog/department.entity.js';
import { Bundle } from '../catalog/bundle.entity.js';
import { seedAccounts, seedBundles, seedDepartments, seedServiceItems, seedWorkflows, type SeedAccount } from '../catalog/seed/index.js';
import { ServiceItem } from '../catalog/service-item.entity.js';
import type { IdNumberCipher } from '../keys/id-number-cipher.js';
import { User, type ApplicantFacts } from '../users/user.entity.js';
import { WorkflowVersion } from '../workflows/workflow-version.entity.js';

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
 * Loads the 南关区 catalogue (departments, service items, bundles, published workflow definitions) and
 * the accounts of API.md. Idempotent: catalogue rows are inserted when missing and never overwritten
 * (an admin may have changed them since); accounts that exist are left alone.
 */
export async function seedDatabase(dataSource: DataSource, password: string, idNumbers: IdNumberCipher): Promise<{ departments: number; usersCreated: number }> {
  const passwordHash = await hashPassword(password);
  return dataSource.transaction(async (manager) => {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Department)
      .values(seedDepartments.map(({ code, name }) => ({ code, name })))
      .orIgnore()
      .execute();
    const items = manager.getRepository(ServiceItem);
    const existingItems = new Set((await items.find({ select: { code: true } })).map((item) => item.code));
    await items.save(
      seedServiceItems
        .filter((item) => !existingItems.has(item.code))
        .map((item) => items.create({ ...item, materials: item.materials.map((m) => ({ ...m })), formSchema: { ...item.formSchema } })),
    );
    // Items seeded before the 实施清单 fields existed get their guide; an admin's own values stay.
    for (const item of seedServiceItems) {
      await items.update(
        { code: item.code, itemType: IsNull() },
        { itemType: item.itemType, subjectTypes: [...item.subjectTypes], legalBasis: [...item.legalBasis], fee: { ...item.fee }, location: item.location, officeHours: item.officeHours, consultPhone: item.consultPhone, complaintPhone: item.complaintPhone, onlineDepth: item.onlineDepth },
      );
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(Bundle)
      .values(seedBundles.map((bundle) => ({ ...bundle, serviceItemCodes: [...bundle.serviceItemCodes], fieldMapping: structuredClone(bundle.fieldMapping) })))
      .orIgnore()
      .execute();
    // Seeded bundles stored before field mappings existed get theirs (without it 我要开餐馆 cannot merge its form).
    for (const bundle of seedBundles) {
      if (Object.keys(bundle.fieldMapping).length === 0) continue;
      await manager.query(`UPDATE "bundle" SET "field_mapping" = $2 WHERE "code" = $1 AND "field_mapping" = '{}'::jsonb`, [bundle.code, JSON.stringify(bundle.fieldMapping)]);
    }
    // Version 1 of each seeded workflow, published, unless the key already has versions of its own.
    for (const workflow of seedWorkflows) {
      if (await manager.getRepository(WorkflowVersion).existsBy({ key: workflow.key })) continue;
      const versions = manager.getRepository(WorkflowVersion);
      await versions.save(versions.create({
        key: workflow.key,
        version: 1,
        name: workflow.name,
        status: 'published',
        document: JSON.parse(JSON.stringify(workflow)) as Record<string, unknown>,
        serviceItemCode: workflow.serviceItem,
        publishedAt: new Date(),
      }));
    }
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
    await seedBenefits(manager);
    return { departments: seedDepartments.length, usersCreated: result.raw.length as number };
  });
}
