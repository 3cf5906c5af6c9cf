import type { EntityManager } from 'typeorm';
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
  await manager
    .createQueryBuilder()
    .insert()
    .into(Bundle)
    .values(seedBundles.map((bundle) => ({ ...bundle, serviceItemCodes: [...bundle.serviceItemCodes] })))
    .orIgnore()
    .execute();
  return { departments: seedDepartments.length };
}
