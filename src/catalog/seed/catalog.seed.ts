import { IsNull, type EntityManager } from 'typeorm';
import { Bundle } from '../bundle.entity.js';
import { Department } from '../department.entity.js';
import { ServiceItem } from '../service-item.entity.js';
import { seedBundles, seedDepartments, seedServiceItems } from './index.js';

/**
 * The 南关区 departments, service items and bundles, inserted when missing and never overwritten (an
 * admin may have changed them since). Runs inside the seed's transaction (src/cli/seed.ts).
 */
export async function seedCatalog(manager: EntityManager): Promise<{ departments: number }> {
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
  return { departments: seedDepartments.length };
}
