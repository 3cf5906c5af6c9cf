import { PersonalDataAccess } from './personal-data-access.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const auditEntities = [PersonalDataAccess];
