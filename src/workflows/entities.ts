import { WorkflowVersion } from './workflow-version.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const workflowsEntities = [WorkflowVersion];
