import { CaseTask } from './case-task.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const tasksEntities = [CaseTask];
