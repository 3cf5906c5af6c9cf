import type { EntityManager } from 'typeorm';
import { seedWorkflows } from '../../catalog/seed/index.js';
import { WorkflowVersion } from '../workflow-version.entity.js';

/**
 * Version 1 of each seeded workflow (the documents of the 南关区 seed data set), published, unless the key
 * already has versions of its own. Runs inside the seed's transaction (src/cli/seed.ts).
 */
export async function seedWorkflowVersions(manager: EntityManager, publishedAt: Date): Promise<void> {
  const versions = manager.getRepository(WorkflowVersion);
  for (const workflow of seedWorkflows) {
    if (await versions.existsBy({ key: workflow.key })) continue;
    await versions.save(versions.create({
      key: workflow.key,
      version: 1,
      name: workflow.name,
      status: 'published',
      document: JSON.parse(JSON.stringify(workflow)) as Record<string, unknown>,
      serviceItemCode: workflow.serviceItem,
      publishedAt,
    }));
  }
}
