import { validateDefinition } from '@app/workflow-engine';
import type { JsonSchema } from '@app/rules';
import { describe, expect, it } from 'vitest';
import { seedDepartments, seedServiceItems, seedWorkflows } from '../catalog/seed/index.js';
import { workflowRuleChecker } from './workflow-rules.js';

const departments = seedDepartments.map((d) => d.code);

describe('the seeded 南关区 workflows', () => {
  it.each(seedWorkflows.map((w) => [w.key, w] as const))('%s passes the engine validator with its item form schema', (_key, workflow) => {
    const item = seedServiceItems.find((i) => i.code === workflow.serviceItem);
    expect(item, `service item ${workflow.serviceItem}`).toBeDefined();
    const result = validateDefinition(workflow, { departments, rules: workflowRuleChecker(item!.formSchema as unknown as JsonSchema) });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
