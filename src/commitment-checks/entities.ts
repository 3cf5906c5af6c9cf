import { CommitmentCheck } from './commitment-check.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const commitmentChecksEntities = [CommitmentCheck];
