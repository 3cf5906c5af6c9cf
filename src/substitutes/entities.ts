import { Substitution } from './substitution.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const substitutesEntities = [Substitution];
