import { StoredFile } from './stored-file.entity.js';

/** The tables this module owns, registered by the composition root (src/schema.ts). */
export const filesEntities = [StoredFile];
